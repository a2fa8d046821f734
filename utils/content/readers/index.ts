/** The open conversation, read by the first reader that knows the page's shape. */
import type { ChatSeen } from '../../inbox';
import { readGeneric } from './generic';
import { readWhatsAppWeb } from './whatsapp-web';

export function readChat(doc: Document, href: string): ChatSeen {
  return readWhatsAppWeb(doc) ?? readGeneric(doc, href);
}
