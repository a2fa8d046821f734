/**
 * Draft.js, a controlled editor as its docs show it, on React 18 in legacy mode: Draft.js needs findDOMNode
 * (gone in React 19), and under createRoot's concurrent rendering it shows the first character typed into an
 * empty block twice while its state holds it once — apps that run Draft.js render it the legacy way.
 */
import { createElement, useState } from 'react';
import { render } from 'react-dom';
import { Editor, EditorState } from 'draft-js';
import { takeHost, type EditorText } from './host';

export function mountDraft(host: HTMLElement): EditorText {
  const { attributes, placeholder } = takeHost(host);
  // The state the editor last rendered with: what the app would send.
  let current = EditorState.createEmpty();
  function Composer() {
    const [state, setState] = useState(current);
    current = state;
    return createElement(Editor, {
      editorState: state,
      onChange: (next: EditorState) => {
        current = next;
        setState(next);
      },
      ariaLabel: attributes['aria-label'],
      ariaMultiline: true,
      placeholder,
    });
  }
  render(createElement(Composer), host);
  return () => current.getCurrentContent().getPlainText();
}
