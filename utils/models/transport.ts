/** How panel models reach the background. Models take it as a parameter so tests can pass a fake. */
import { sendMessage, type MessageData, type MessageName, type MessageValue } from '../messaging';
import type { Result } from '../result';

export type Transport = <K extends MessageName>(name: K, data: MessageData<K>) => Promise<Result<MessageValue<K>>>;

/** The real transport. A worker that stops mid-call loses the reply: that becomes a retryable error, not a throw. */
export const messageTransport: Transport = async (name, data) => {
  try {
    const send = sendMessage as (n: MessageName, d: unknown) => Promise<Result<MessageValue<typeof name>> | undefined>;
    const reply = await send(name, data);
    return reply ?? { ok: false, error: { kind: 'network', message: 'The extension did not answer', lostReply: true } };
  } catch {
    return { ok: false, error: { kind: 'network', message: 'The extension restarted before answering', lostReply: true } };
  }
};
