/**
 * The one message the background takes from a web page's content script: what it read in the open
 * conversation. Only from the top frame of a tab on a site the agent granted, small, and of one exact
 * shape; anything else is dropped without an answer.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { CHAT_KINDS, CHAT_MESSAGE, LIMITS, parseUrl, type ChatSeen } from '../../inbox';
import { inboxSitesItem } from '../../storage';
import type { SenderLike } from '../sender';

const ChatSchema = v.pipe(v.nullable(v.strictObject({
  numbers: v.pipe(v.array(v.pipe(v.string(), v.regex(/^\+?\d{8,15}$/))), v.maxLength(LIMITS.numbers)),
  // Shown as text, never as markup; control characters would only confuse a screen reader.
  name: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.nameChars), v.regex(/^[^\u0000-\u001f\u007f]*$/))),
  reader: v.picklist(['whatsapp', 'page']),
  sure: v.boolean(),
  kind: v.optional(v.picklist(CHAT_KINDS)),
})), v.check((chat) => chat === null || chat.kind === undefined || (chat.numbers.length === 0 && !chat.sure),
  // A group, or a person whose number is hidden, has no number to be sure of: a page saying otherwise is lying.
  'a chat without a customer number reports none'));
const MessageSchema = v.strictObject({ kind: v.literal(CHAT_MESSAGE), chat: ChatSchema });

export const isChatMessage = (message: unknown) => (message as { kind?: unknown } | null)?.kind === CHAT_MESSAGE;

export interface ChatReport { tabId: number; chat: ChatSeen | null }

/** The report in `message`, if its sender may send one and it is well-formed; otherwise null. */
export async function acceptChatReport(
  message: unknown, sender: SenderLike & { tab?: { id?: number } }, runtimeId: string = browser.runtime.id,
): Promise<ChatReport | null> {
  if (sender.id !== runtimeId || sender.frameId !== 0 || sender.tab?.id === undefined) return null;
  const origin = sender.origin ?? (sender.url ? parseUrl(sender.url)?.origin : undefined);
  if (!origin || !(await inboxSitesItem.getValue()).includes(origin)) return null;
  if (JSON.stringify(message).length > LIMITS.messageChars) return null;
  const parsed = v.safeParse(MessageSchema, message);
  return parsed.success ? { tabId: sender.tab.id, chat: parsed.output.chat } : null;
}
