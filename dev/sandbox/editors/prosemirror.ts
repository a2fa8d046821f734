/** ProseMirror with its basic schema, as Chatwoot's composer and many help desks' are built on it. */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { takeHost, type EditorText } from './host';

export function mountProseMirror(host: HTMLElement): EditorText {
  const { attributes } = takeHost(host);
  const view = new EditorView(host, { state: EditorState.create({ schema }), attributes });
  // Paragraphs joined by a newline, as the composer's "send" would read them.
  return () => {
    const blocks: string[] = [];
    view.state.doc.forEach((block) => blocks.push(block.textContent));
    return blocks.join('\n');
  };
}
