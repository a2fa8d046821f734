/** Copies text to the clipboard and says "Copied" where the agent is looking. */
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { Icon } from './Icon';

interface Props {
  text: string;
  label?: string;
  /** Icon-only, for dense rows; the accessible name stays the label. */
  compact?: boolean;
}

export function CopyButton({ text, label = i18n.t('common.copyInviteLink'), compact }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy(e: Event) {
    e.stopPropagation();
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed'); // the panel lost focus or the page denied it: say so instead of pretending
    }
    setTimeout(() => setState('idle'), 2000);
  }
  const shown = state === 'copied' ? i18n.t('common.copied') : state === 'failed' ? i18n.t('common.copyFailed') : compact ? null : label;
  return (
    <button type="button" class={`small copy ${state}`} onClick={copy} aria-label={label} title={label}>
      {state === 'copied' ? <Icon name="check" /> : <Icon name="copy" />}
      {shown && <span aria-live="polite">{shown}</span>}
    </button>
  );
}
