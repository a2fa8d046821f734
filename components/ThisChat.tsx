/**
 * "This chat", at the top of the list: the customer in the conversation beside the panel, what is known of
 * them, and two one-step actions. On a site the agent does not use yet, a one-line offer instead.
 */
import { i18n } from '#i18n';
import type { Group } from '../utils/domain';
import { siteName } from '../utils/inbox';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { lazy } from './lazy';
import { usePanel } from './panel-context';

const GroupPicker = lazy(() => import('./GroupPicker').then((m) => m.GroupPicker));

export function ThisChat() {
  const panel = usePanel();
  const model = panel.chat;
  const view = model.view.value;
  if (!view || model.shown.value === null) return null;
  if (model.shown.value === 'offer') return <Offer />;

  const customer = model.customer.value;
  const chat = model.chat.value;
  return (
    <section class="this-chat card" aria-labelledby="this-chat-title">
      <h2 id="this-chat-title" class="small-text muted">{i18n.t('inbox.thisChat')} · {siteName(view.site!)}</h2>
      {chat === null ? (
        <Reading />
      ) : model.unsure.value ? (
        <>
          {chat.name && <p class="customer"><span class="name">{chat.name}</span></p>}
          <fieldset class="choice">
            <legend>{i18n.t('inbox.isThis')}</legend>
            <div class="row">
              {model.candidates.value.map((waId) => (
                <button key={waId} type="button" class="small" onClick={() => model.choose(waId)}>{model.display(waId)}</button>
              ))}
              <button type="button" class="small link-button" onClick={() => model.choose(null)}>{i18n.t('inbox.notNow')}</button>
            </div>
          </fieldset>
        </>
      ) : customer ? (
        <Customer waId={customer.waId} name={customer.name} />
      ) : (
        <>
          {chat.name && <p class="customer"><span class="name">{chat.name}</span></p>}
          <p class="muted small-text">{i18n.t(chat.kind === 'group' ? 'inbox.groupChat' : chat.kind === 'numberHidden' ? 'inbox.numberHidden' : 'inbox.noNumber')}</p>
        </>
      )}
      {model.status.value && (
        <p class={`notice ${model.status.value.tone}`} role={model.status.value.tone === 'error' ? 'alert' : 'status'}>{model.status.value.text}</p>
      )}
      <Picker />
    </section>
  );
}

/**
 * The group picker, bound to the customer it was opened for: its title keeps their number, and once the
 * chat in view changes it says so and picks do nothing. Kept here rather than with the customer, so it stays
 * up (saying the chat changed) when the new chat has no customer.
 */
function Picker() {
  const panel = usePanel();
  const model = panel.chat;
  const picking = model.picking.value;
  if (!picking) return null;
  const number = model.display(picking.customer.waId);

  async function pick(group: Group) {
    const status = await model.pick(group);
    if (status) panel.announce(status.text);
  }

  return (
    <GroupPicker title={picking.action === 'invite' ? i18n.t('inbox.pickInvite', [number]) : i18n.t('inbox.pickLink')}
      groups={model.choices.value} blocked={model.pickerStale.value ? i18n.t('inbox.pickerStale', [number]) : null}
      onPick={(g) => void pick(g)} onClose={() => model.closePicker()} />
  );
}

function Customer({ waId, name }: { waId: string; name?: string }) {
  const panel = usePanel();
  const model = panel.chat;
  // The picker is one key away (`i`, `l`): its script loads now, so the letters typed next land in it.
  useEffect(() => GroupPicker.preload(), []);
  const { waiting, memberOf, invitedTo } = model.known.value;
  const number = model.display(waId);

  return (
    <>
      <p class="customer">
        {name && <span class="name">{name}</span>}
        <span class="nowrap-text" data-testid="chat-number">{number}</span>
      </p>
      {(waiting.length > 0 || memberOf.length > 0 || invitedTo.length > 0) && (
        <ul class="facts small-text">
          {waiting.map((s) => <li key={`w${s}`} class="waited">{i18n.t('inbox.waitingIn', [s])}</li>)}
          {memberOf.map((s) => <li key={`m${s}`}>{i18n.t('inbox.memberOf', [s])}</li>)}
          {invitedTo.map((s) => <li key={`i${s}`} class="muted">{i18n.t('inbox.invitedTo', [s])}</li>)}
        </ul>
      )}
      <div class="row">
        <button type="button" class="small primary" disabled={model.busy.value} onClick={() => model.openPicker('invite')}>{i18n.t('inbox.inviteTo')}</button>
        <button type="button" class="small" disabled={model.busy.value} onClick={() => model.openPicker('link')}>{i18n.t('inbox.sendLink')}</button>
      </div>
    </>
  );
}

/** Before the site's script has reported: a tab opened before the site was allowed may need a reload. */
function Reading() {
  const slow = useSignal(false);
  useEffect(() => {
    const timer = setTimeout(() => (slow.value = true), 3_000);
    return () => clearTimeout(timer);
  }, []);
  return <p class="muted small-text" role="status">{i18n.t(slow.value ? 'inbox.reload' : 'inbox.reading')}</p>;
}

/** "Use with ‹site›" (or, before the panel may see tab addresses, "Connect it"): one line, and "Not now". */
function Offer() {
  const model = usePanel().chat;
  const view = model.view.value!;
  return (
    <div class="inbox-offer row small-text" role="region" aria-label={i18n.t('inbox.offerRegion')}>
      {view.site ? (
        <>
          <span>{i18n.t('inbox.offerSite', [siteName(view.site)])}</span>
          <button type="button" class="small" onClick={() => void model.useSite(view.site!)}>{i18n.t('inbox.use', [siteName(view.site)])}</button>
        </>
      ) : (
        <>
          <span>{i18n.t('inbox.offerTabs')}</span>
          <button type="button" class="small" onClick={() => void model.allowTabAddresses()}>{i18n.t('inbox.connect')}</button>
        </>
      )}
      <button type="button" class="small link-button" aria-label={i18n.t('inbox.hideOfferLabel')} onClick={() => void model.hideOffer()}>
        {i18n.t('inbox.hideOffer')}
      </button>
      {model.offerError.value && <p class="notice error" role="alert">{model.offerError.value}</p>}
    </div>
  );
}
