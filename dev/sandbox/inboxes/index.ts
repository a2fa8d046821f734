/**
 * Fixture inboxes the sandbox serves beside Zoko's API, for the panel's "This chat": our demo inbox, pages
 * modelled on published markup of real inboxes (WhatsApp Web, Chatwoot, Zendesk, Kommo; README.md cites
 * each source), an RTL inbox and a hostile one. Browsers reach them as http://localhost:<port>/demo/inbox/<name>:
 * another origin than the API (127.0.0.1), so granting the inbox grants nothing else.
 */
import { chatwoot } from './chatwoot';
import { demoInbox } from './demo';
import { hostile } from './hostile';
import { kommo } from './kommo';
import { rtl } from './rtl';
import { whatsapp } from './whatsapp';
import { zendesk } from './zendesk';

/** The fixture at `/demo/inbox/<name>`, or null. */
export function inboxPage(name: string, search: URLSearchParams): string | null {
  switch (name) {
    case 'generic':
    case 'rich':
      // ?box=none: an inbox page with no reply box (the link then goes to the clipboard).
      return demoInbox(name, search.get('chat') ?? '1', search.get('box') !== 'none');
    case 'whatsapp':
      return whatsapp(search.get('chat') ?? 'saved');
    case 'chatwoot':
      return chatwoot();
    case 'zendesk':
      return zendesk();
    case 'kommo':
      return kommo();
    case 'rtl':
      return rtl(search.get('chat') ?? '1');
    case 'hostile':
      return hostile(search);
    default:
      return null;
  }
}
