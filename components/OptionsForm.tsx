/** The options page: API key and the agent's identity. The key is sent to the background and never read back. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { OptionsModel } from '../utils/panel/options-model';
import type { InboxSitesModel } from '../utils/panel/inbox-sites-model';
import { defaultLinkMessage } from '../utils/panel/link-message';
import { InboxSites } from './InboxSites';
import { countryOptions } from '../utils/countries';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';

/** `inPanel`: inside the side panel, under the screen's own heading (no page title, the panel's width). */
export function OptionsForm({ model, sites, inPanel = false }: { model: OptionsModel; sites: InboxSitesModel; inPanel?: boolean }) {
  const { config, apiKey, settings, errors, status, set } = model;
  const signingOut = useSignal(false);

  function save(e: Event) {
    e.preventDefault();
    void model.save();
  }

  async function signOut() {
    await model.signOut();
    signingOut.value = false;
  }

  if (!model.ready.value && status.value?.tone !== 'error') return <main class="options" aria-busy="true"><p class="muted">{i18n.t('common.loading')}</p></main>;

  const keyHint = config.value?.configured ? i18n.t('options.keyHint', [config.value.last4]) : undefined;

  return (
    <main class={inPanel ? 'options in-panel' : 'options'}>
      {!inPanel && <h1>{i18n.t('options.title')}</h1>}
      <form onSubmit={save} noValidate>
        <Field label={i18n.t('options.apiKey')} error={errors.value.apiKey} hint={keyHint}>
          <input type="password" autoComplete="off" spellcheck={false} value={apiKey}
            placeholder={config.value?.configured ? `•••• ${config.value.last4}` : i18n.t('options.keyPlaceholder')}
            onInput={(e) => (apiKey.value = e.currentTarget.value)} />
        </Field>
        {/* Zoko's published page says only that every call carries this key in the "apikey" header: no menu path. */}
        <p class="muted small-text">{i18n.t('options.keyWhere')}</p>
        {/* The result sits by the key it is about, not below every other field. */}
        <div class="row">
          <button type="button" onClick={() => void model.test()} disabled={!config.value?.configured}>{i18n.t('options.test')}</button>
        </div>
        <p role="status" class={`status ${status.value?.tone ?? ''}`}>{status.value?.text}</p>
        <Field label={i18n.t('options.agentId')} error={errors.value.agentId} hint={i18n.t('options.agentIdHint')}>
          <input value={settings.value.agentId} onInput={(e) => set({ agentId: e.currentTarget.value })} />
        </Field>
        <Field label={i18n.t('options.agentEmail')} error={errors.value.agentEmail} hint={i18n.t('options.agentEmailHint')}>
          <input type="email" value={settings.value.agentEmail} onInput={(e) => set({ agentEmail: e.currentTarget.value })} />
        </Field>
        <Field label={i18n.t('options.country')} error={errors.value.defaultCountry} hint={i18n.t('options.countryHint')}>
          <select value={settings.value.defaultCountry} onChange={(e) => set({ defaultCountry: e.currentTarget.value })}>
            {countryOptions().map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
          </select>
        </Field>
        <Field label={i18n.t('options.budget')} error={errors.value.pollBudgetPerMinute} hint={i18n.t('options.budgetHint')}>
          <input type="number" min={2} max={600} step={1} value={settings.value.pollBudgetPerMinute}
            onInput={(e) => set({ pollBudgetPerMinute: Number(e.currentTarget.value) })} />
        </Field>
        <Field label={i18n.t('options.interval')} error={errors.value.pollIntervalSeconds} hint={i18n.t(import.meta.env.FIREFOX ? 'options.intervalHintFirefox' : 'options.intervalHint')}>
          <input type="number" min={30} max={600} step={5} value={settings.value.pollIntervalSeconds}
            onInput={(e) => set({ pollIntervalSeconds: Number(e.currentTarget.value) })} />
        </Field>
        <Field label={i18n.t('options.waitAlert')} error={errors.value.waitAlertMinutes} hint={i18n.t('options.waitAlertHint')}>
          <input type="number" min={0} max={1440} step={1} value={settings.value.waitAlertMinutes}
            onInput={(e) => set({ waitAlertMinutes: Number(e.currentTarget.value) })} />
        </Field>
        <Field label={i18n.t('options.linkMessage')} error={errors.value.linkMessage} hint={i18n.t('options.linkMessageHint', ['{group}', '{link}'])}>
          <textarea rows={2} maxLength={500} value={settings.value.linkMessage ?? ''} placeholder={defaultLinkMessage()}
            onInput={(e) => set({ linkMessage: e.currentTarget.value })} />
        </Field>
        <label class="switch">
          <input type="checkbox" role="switch" checked={settings.value.notify} onChange={(e) => set({ notify: e.currentTarget.checked })} />
          <span>{i18n.t('options.notify')}</span>
        </label>
        <div class="row">
          <button type="submit" class="primary">{i18n.t('options.save')}</button>
        </div>
      </form>
      <InboxSites model={sites} />
      {config.value?.configured && (
        <section class="sign-out" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">{i18n.t('options.signOutTitle')}</h2>
          <p class="muted small-text">{i18n.t('options.signOutText')}</p>
          <button type="button" class="danger" onClick={() => (signingOut.value = true)}>{i18n.t('options.signOutOpen')}</button>
        </section>
      )}
      {signingOut.value && (
        <ConfirmDialog title={i18n.t('options.signOutConfirmTitle')} confirmLabel={i18n.t('options.signOutConfirm')} onClose={() => (signingOut.value = false)}
          onConfirm={() => void signOut()}>
          <p>{i18n.t('options.signOutBody')}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
