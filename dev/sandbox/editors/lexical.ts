/** Lexical, set up as WhatsApp Web sets up its composer: rich text, the host itself is the editable root. */
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import type { EditorText } from './host';

export function mountLexical(host: HTMLElement): EditorText {
  // WhatsApp Web's composer: <div contenteditable="true" role="textbox" data-tab="10" data-lexical-editor="true">
  // with an empty <p><br></p> inside; Lexical adds data-lexical-editor itself.
  host.replaceChildren(); // the page's stand-in paragraph: Lexical renders its own
  host.contentEditable = 'true';
  if (!host.hasAttribute('role')) host.setAttribute('role', 'textbox');
  host.spellcheck = true;
  const editor = createEditor({
    namespace: 'fixture',
    nodes: [HeadingNode, QuoteNode],
    onError: (e) => console.error(e),
  });
  editor.setRootElement(host);
  registerRichText(editor);
  editor.update(() => {
    const root = $getRoot();
    if (root.isEmpty()) root.append($createParagraphNode());
  }, { discrete: true });
  return () => editor.getEditorState().read(() => $getRoot().getTextContent());
}
