/**
 * The panel beside the agent's inbox: what a site's script reports about the open conversation, and the
 * two narrow messages between that script and the background. Shared by the content script, the background
 * and the panel; nothing here touches Zoko, and the content script never sees the key or Zoko's data.
 */

/** What a site's script read in the open conversation: page text, so untrusted, and capped. */
export interface ChatSeen {
  /** Phone numbers as the page shows them (digits, spaces, a leading +), most likely first. */
  numbers: string[];
  /** The contact's name where the page shows one. */
  name?: string;
  /** Which reader found them. */
  reader: 'whatsapp' | 'page';
  /**
   * The reader is sure the first number is the customer's (WhatsApp's chat id, one plain number in the
   * conversation's header or contact panel). Otherwise the panel asks the agent, even about one number.
   */
  sure: boolean;
  /**
   * Absent for a chat with one person. `group`: a group chat, no customer. `numberHidden`: a person whose
   * number the page does not show (WhatsApp's privacy ids, `@lid`, until the agent opens Contact info).
   */
  kind?: ChatKind;
}

export const CHAT_KINDS = ['group', 'numberHidden'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

/** The conversation in the tab the agent is looking at, as the panel sees it. */
export interface ChatInView {
  tabId: number;
  /** False while the extension may not see the tab's address (the agent has not allowed it yet). */
  addressKnown: boolean;
  /** The tab's site when the panel can be used with it (https, or http on localhost); null otherwise. */
  site: string | null;
  /** The agent uses the panel with this site: its script runs there. */
  granted: boolean;
  /** What the site's script read; absent before it reports, or on a site that is not granted. */
  chat?: ChatSeen | null;
}

/** Content script → background: the one message the background accepts from a page. */
export const CHAT_MESSAGE = 'zoko-inbox:chat';
/** Background → content script: put this text in the reply box. */
export const INSERT_MESSAGE = 'zoko-inbox:insert';

export interface ChatMessage { kind: typeof CHAT_MESSAGE; chat: ChatSeen | null }
export interface InsertMessage { kind: typeof INSERT_MESSAGE; text: string }
/** `found`: there was a reply box, whether or not its editor took the text (the panel says which). */
export interface InsertReply { inserted: boolean; found?: boolean }

/** Limits on what a page can hand us: the background drops anything bigger. */
export const LIMITS = { numbers: 5, numberChars: 24, nameChars: 80, messageChars: 1_000, insertChars: 2_000 } as const;

/** The id of the one registered content script (its matches are the granted sites). */
export const INBOX_SCRIPT_ID = 'zoko-inbox';
/** Where the build puts the script (entrypoints/inbox.ts, an unlisted script). */
export const INBOX_SCRIPT_FILE = '/inbox.js';

/**
 * The origin of a page the panel may offer to work with, or null: https sites, and http on this machine
 * (a local inbox, the sandbox's demo). Matches `optional_host_permissions` in wxt.config.ts.
 */
export function offerableOrigin(url: string | undefined): string | null {
  const parsed = url ? parseUrl(url) : null;
  if (!parsed) return null;
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === 'localhost')) return parsed.origin;
  return null;
}

/** An address or a link, or null when it is not one (pages hold anything). */
export function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The host permission pattern for an origin ("https://app.example.com/*"). */
export const originPattern = (origin: string) => `${origin}/*`;

/** "app.example.com" for "https://app.example.com": what the agent reads. */
export const siteName = (origin: string) => new URL(origin).host;

/** What a person sees of a page's selection (entrypoints/selection.ts), asked once when a menu item is picked. */
export interface SelectionSeen {
  /** The selected text a person can see, in DOM order. */
  text: string;
  /** False when the digits may show in another order than written, or CSS draws digits beside them. */
  plain: boolean;
  /** The selection's DOM text now: when it differs from the menu's `selectionText`, the page moved it meanwhile. */
  dom: string;
}
