/**
 * Invite by phone number: paste anything (lines, a CSV column, +, spaces, 00, (0)); see what is valid,
 * invalid (and why) and duplicated before sending; after sending, what happened to each number.
 */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import type { PastedNumbers } from '../utils/phone';
import { displayNumber } from '../utils/panel/phone-format';
import { countryName } from '../utils/country-name';
import type { InviteResult } from '../utils/domain';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { Field } from './Field';
import { usePanel } from './panel-context';

/** Phone metadata is large: load it the first time the agent types here, not with the panel. */
const loadPhone = () => import('../utils/phone');

export function InviteMembers({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const text = useSignal('');
  const box = useRef<HTMLTextAreaElement>(null);
  // The palette's "Invite numbers to …" lands here, ready to paste.
  useEffect(() => {
    if (panel.focusRequest.value !== 'invite' || !box.current) return;
    box.current.scrollIntoView({ block: 'center' });
    box.current.focus();
    panel.focusRequest.value = null;
  }, [panel.focusRequest.value, box.current]);
  const parsed = useSignal<PastedNumbers | null>(null);
  const result = useSignal<InviteResult | null>(null);
  const country = panel.groups.config.value?.settings.defaultCountry;
  const { invite } = model;

  useEffect(() => {
    if (!text.value.trim()) {
      parsed.value = null;
      return;
    }
    let live = true;
    void loadPhone().then(({ parsePastedNumbers }) => {
      if (live) parsed.value = parsePastedNumbers(text.value, country);
    });
    return () => { live = false; };
  }, [text.value, country]);

  const p = parsed.value;
  const seats = model.freeSeats.value;

  async function send(e: Event) {
    e.preventDefault();
    if (!p || p.valid.length === 0) return;
    const r = await invite.run(p.valid.map((n) => n.waId));
    if (!r) return; // the error shows below; the text stays as typed
    result.value = r;
    text.value = '';
    panel.announce(i18n.t('invite.announceSent', r.sent.length)
      + (r.skipped.length ? i18n.t('invite.announceSkipped', [String(r.skipped.length)]) : '')
      + (r.failed.length ? i18n.t('invite.announceFailed', [String(r.failed.length)]) : ''));
    void model.load();
  }

  return (
    <section class="card" aria-labelledby="invite-title">
      <div class="card-head"><h3 id="invite-title">{i18n.t('invite.title')}</h3></div>
      <form onSubmit={send}>
        <Field label={i18n.t('invite.numbers')} hint={i18n.t('invite.hint', [country ? countryName(country) : i18n.t('invite.defaultCountry')])}>
          <textarea rows={3} ref={box} value={text} onInput={(e) => { text.value = e.currentTarget.value; result.value = null; }}
            placeholder={'+91 98765 43210\n098765 43211'} />
        </Field>
        {p && (
          <div class="preview" aria-live="polite">
            <p>
              {i18n.t('invite.valid', [String(p.valid.length)])}
              {p.invalid.length > 0 && i18n.t('invite.invalid', [String(p.invalid.length)])}
              {p.duplicates.length > 0 && i18n.t('invite.duplicate', [String(p.duplicates.length)])}
              {p.truncated && i18n.t('invite.truncated')}
            </p>
            {p.invalid.length > 0 && (
              <ul class="small-text outcome failed" aria-label={i18n.t('invite.invalidList')}>
                {p.invalid.slice(0, 20).map((n, i) => <li key={i}>{n.input}: {n.reason}</li>)}
              </ul>
            )}
            {p.duplicates.length > 0 && (
              <p class="small-text muted">{i18n.t('invite.duplicatesOnce', [p.duplicates.slice(0, 5).map((d) => d.input).join(', ')])}</p>
            )}
            {p.valid.length > seats && (
              <p class="notice warn small-text" role="note">
                {i18n.t('invite.seats', [String(seats)])}
              </p>
            )}
          </div>
        )}
        <ErrorNotice error={invite.error.value} />
        <SubmitButton pending={invite.pending.value} disabled={!p || p.valid.length === 0}
          label={i18n.t('common.invite')} pendingLabel={i18n.t('common.inviting')} />
      </form>
      {result.value && <InviteOutcome result={result.value} />}
    </section>
  );
}

function InviteOutcome({ result }: { result: InviteResult }) {
  return (
    <ul class="items outcome-list" aria-label={i18n.t('invite.results')}>
      {result.sent.map((n) => <li key={`s${n}`} class="outcome sent">{i18n.t('invite.sent', [displayNumber(n)])}</li>)}
      {result.skipped.map((n) => (
        <li key={`k${n}`} class="outcome skipped">{i18n.t('invite.skipped', [displayNumber(n)])}</li>
      ))}
      {result.failed.map((f) => <li key={`f${f.phoneNumber}`} class="outcome failed">{i18n.t('invite.failed', [displayNumber(f.phoneNumber), f.reason])}</li>)}
      {result.unreported?.map((n) => <li key={`u${n}`} class="outcome failed">{i18n.t('invite.unreported', [displayNumber(n)])}</li>)}
    </ul>
  );
}

