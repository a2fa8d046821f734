/** Turns an error `kind` (and Meta's code) into a sentence an agent understands and the way forward. */
import type { ErrorData } from './zoko/errors';

export type ErrorAction = 'openOptions' | 'retry' | 'backToList' | 'none';

export interface ErrorText {
  text: string;
  action: ErrorAction;
}

const META_SENTENCES: Record<number, string> = {
  131204: 'A WhatsApp group can have at most 8 participants.',
  131207: 'WhatsApp has suspended this group, so it cannot be changed.',
  131208: 'WhatsApp is limiting changes to this group right now.',
  131211: 'This WhatsApp number has reached its limit of groups.',
  131213: 'That join request no longer exists: someone may have handled it already.',
  131214: 'WhatsApp has paused group creation for a while. Try again later.',
  131215: 'This number cannot be added to WhatsApp groups.',
};

/** The sentence and action for an error; the detail from Zoko is added where it helps. */
export function describeError(error: ErrorData): ErrorText {
  if (error.lostReply) {
    // Zoko may well have done it: say so, so the agent checks before repeating.
    return { text: 'The extension restarted before Zoko’s answer arrived. Check whether it went through, then try again.', action: 'retry' };
  }
  const meta = error.metaCode ? META_SENTENCES[error.metaCode] : undefined;
  const wait = error.retryAfterS !== undefined ? ` Try again in ${error.retryAfterS} s.` : ' Try again in a moment.';
  switch (error.kind) {
    case 'auth':
      return error.status === 401
        ? { text: 'Zoko rejected the API key. Check it in the settings.', action: 'openOptions' }
        : { text: 'No Zoko API key is set yet. Add it in the settings.', action: 'openOptions' };
    case 'forbidden':
      return { text: meta ?? `Zoko did not allow this: ${sentence(error.message)}`, action: 'none' };
    case 'notFound':
      return { text: meta ?? 'This group no longer exists on Zoko.', action: meta ? 'retry' : 'backToList' };
    case 'rateLimited':
      return { text: `${meta ?? 'Zoko is receiving too many requests.'}${wait}`, action: 'retry' };
    case 'invalidInput':
      return { text: meta ?? sentence(error.message), action: 'none' };
    case 'suspended':
      return { text: meta ?? 'WhatsApp has suspended this group, so it cannot be changed.', action: 'none' };
    case 'partial':
      return { text: 'Only part of this went through. The list shows what is left.', action: 'retry' };
    case 'network':
      return { text: 'Could not reach Zoko. Check your connection and try again.', action: 'retry' };
    case 'timeout':
      return { text: 'Zoko took too long to answer. Try again.', action: 'retry' };
    case 'server':
      return { text: meta ?? 'Zoko had a problem on its side. Try again in a moment.', action: 'retry' };
    case 'unexpected':
      return { text: 'Zoko sent an answer the extension does not understand. Try again; if it keeps happening, tell your admin.', action: 'retry' };
  }
}

/** Zoko's own words as a sentence: capitalised, ending with a full stop. */
function sentence(s: string): string {
  const t = s.trim() || 'Zoko did not accept this input';
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
