/** Quill 2 without a toolbar (a chat composer); the editable is Quill's own `.ql-editor`. */
import Quill from 'quill';
import { takeHost, type EditorText } from './host';

export function mountQuill(host: HTMLElement): EditorText {
  const { attributes, placeholder } = takeHost(host);
  const quill = new Quill(host, { placeholder, modules: { toolbar: false } });
  for (const [name, value] of Object.entries(attributes)) quill.root.setAttribute(name, value);
  // Quill always ends its document with a newline that nobody typed.
  return () => quill.getText().replace(/\n$/, '');
}
