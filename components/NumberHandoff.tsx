/** A number chosen with "Invite this number" on a page: shown normalised, with a group picker and one "Invite". */
import { i18n } from '#i18n';
import type { Group } from '../utils/domain';
import { blockTag, groupBlock } from '../utils/group-state';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { ScreenHeader } from './ScreenHeader';
import { Field } from './Field';
import { usePanel } from './panel-context';

export function NumberHandoff() {
  const panel = usePanel();
  const model = panel.handoff;
  const { invite } = model;

  async function send(e: Event) {
    e.preventDefault();
    const n = model.parsed.value;
    const r = await model.send();
    if (!r || !n || !('waId' in n)) return;
    const subject = model.choices.value.find((g) => g.id === model.chosen.value)?.subject ?? i18n.t('notify.theGroup');
    panel.announce(r.sent.length ? i18n.t('handoff.announceSent', [model.display(n.waId), subject]) : i18n.t('handoff.announceNot', [model.display(n.waId)]));
  }

  const reading = model.reading.value;
  const n = model.parsed.value;
  const number = n && 'waId' in n ? n : null;
  const choosing = reading !== null && !reading.clear && reading.candidates.length > 1;
  const result = model.result.value;
  const refusal = model.refusal.value;
  return (
    <section class="handoff" aria-labelledby="handoff-title">
      <ScreenHeader id="handoff-title" title={i18n.t('handoff.title')} onBack={() => void panel.closeHandoff()} />
      <div class="card">
        {!reading ? (
          <p class="muted">{i18n.t('handoff.reading')}</p>
        ) : reading.candidates.length > 0 ? (
          <form onSubmit={send}>
            {choosing && (
              // More than one number-like text: a guess could invite a stranger, so the agent picks.
              <fieldset class="choice">
                <legend>{i18n.t('handoff.whichNumber', [String(reading.candidates.length)])}</legend>
                {reading.candidates.map((c) => (
                  <label key={c.waId} class="radio">
                    <input type="radio" name="handoff-number" value={c.waId} checked={model.pickedNumber.value === c.waId}
                      onChange={() => model.pickNumber(c.waId)} />
                    <span>{model.display(c.waId)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {number && <p class="big-number" data-testid="handoff-number">{model.display(number.waId)}</p>}
            {model.origin.value.check && <p class="notice warn" role="alert">{i18n.t(model.origin.value.check === 'unseen' ? 'handoff.unseen' : 'handoff.unreadable')}</p>}
            <p class="small-text muted">{i18n.t(model.origin.value.link ? 'handoff.fromLink' : 'handoff.from', [reading.input])}</p>
            <Field label={i18n.t('handoff.group')}>
              <select value={model.chosen.value} onChange={(e) => model.pick(e.currentTarget.value)}>
                {model.choices.value.map((g) => <option key={g.id} value={g.id}>{optionLabel(g)}</option>)}
              </select>
            </Field>
            {/* Before the click: a full or suspended group is refused here, with why, and nothing is sent. */}
            {refusal && <p class="notice warn" id="handoff-refusal" role="alert">{refusal}</p>}
            <ErrorNotice error={invite.error.value} />
            {!number && <p class="small-text muted">{i18n.t('handoff.pickFirst')}</p>}
            <SubmitButton pending={invite.pending.value} disabled={!model.chosen.value || !number || refusal !== null}
              label={i18n.t('common.invite')} pendingLabel={i18n.t('common.inviting')} />
          </form>
        ) : (
          <div class="notice error" role="alert">
            <p>{i18n.t('handoff.cannot', [reading.input, reading.reason ?? ''])}</p>
            <p class="small-text">{i18n.t('handoff.howTo')}</p>
          </div>
        )}
        {result && (
          <p class="notice ok" role="status">
            {result.sent.length > 0 && i18n.t('handoff.sent')}
            {result.skipped.length > 0 && i18n.t('handoff.skipped')}
            {result.failed.map((f) => i18n.t('handoff.failed', [f.reason])).join(' ')}
          </p>
        )}
      </div>
    </section>
  );
}

/** "Support Team — Full": an option cannot hold a tag, so the mark is part of its text. */
function optionLabel(g: Group): string {
  const block = groupBlock(g);
  return block ? i18n.t('groupState.option', [g.subject, blockTag(block)]) : g.subject;
}
