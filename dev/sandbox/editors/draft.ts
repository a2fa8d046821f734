/**
 * Draft.js, a controlled editor as its docs show it, on React 18 rendered the legacy way (`render`), as apps
 * that still run Draft.js do: it needs findDOMNode (gone in React 19) and was archived before concurrent
 * rendering was supported. Text inserted into its empty editor shows twice while its state holds it once
 * (draft-js#36): the reply box has to paste there, and the spec checks both the state and what is shown.
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
