/** The options page: API key and the agent's identity. The key is sent to the background and never read back. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { validateConfig, type ConfigField, type PublicConfig } from '../utils/config';
import { describeError } from '../utils/error-text';
import { sendMessage } from '../utils/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../utils/config';
import { countryOptions } from '../utils/countries';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';

type Status = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

export function OptionsForm() {
  const config = useSignal<PublicConfig | null>(null);
  const apiKey = useSignal('');
  const settings = useSignal<Settings>(DEFAULT_SETTINGS);
  const errors = useSignal<Partial<Record<ConfigField, string>>>({});
  const status = useSignal<Status>(null);
  const signingOut = useSignal(false);

  useEffect(() => {
    void sendMessage('getConfig').then((r) => {
      if (r.ok) {
        config.value = r.data;
        settings.value = r.data.settings;
      } else status.value = { tone: 'error', text: describeError(r.error).text };
    });
  }, []);

  const set = (patch: Partial<Settings>) => (settings.value = { ...settings.value, ...patch });

  async function save(e: Event) {
    e.preventDefault();
    const input = { apiKey: apiKey.value.trim() || undefined, settings: settings.value };
    errors.value = validateConfig(input, Boolean(config.value?.configured));
    if (Object.keys(errors.value).length > 0) {
      status.value = { tone: 'error', text: 'Nothing was saved: fix the fields marked below.' };
      return;
    }
    status.value = { tone: 'busy', text: 'Saving…' };
    const r = await sendMessage('saveConfig', input);
    if (!r.ok) {
      status.value = { tone: 'error', text: describeError(r.error).text };
      return;
    }
    config.value = r.data;
    apiKey.value = '';
    status.value = { tone: 'ok', text: 'Saved.' };
  }

  async function signOut() {
    const r = await sendMessage('signOut');
    signingOut.value = false;
    if (!r.ok) {
      status.value = { tone: 'error', text: describeError(r.error).text };
      return;
    }
    config.value = r.data;
    status.value = { tone: 'ok', text: 'Signed out. The key and the cached groups were removed from this browser.' };
  }

  async function test() {
    status.value = { tone: 'busy', text: 'Testing the connection…' };
    const r = await sendMessage('testConnection');
    status.value = r.ok
      ? { tone: 'ok', text: `Connected — ${r.data.groupCount} ${r.data.groupCount === 1 ? 'group' : 'groups'}` }
      : { tone: 'error', text: describeError(r.error).text };
  }

  const keyHint = config.value?.configured ? `A key ending in ${config.value.last4} is saved. Leave empty to keep it.` : undefined;

  return (
    <main class="options">
      <h1>Zoko Groups settings</h1>
      <form onSubmit={save} noValidate>
        <Field label="API key" error={errors.value.apiKey} hint={keyHint}>
          <input type="password" autoComplete="off" spellcheck={false} value={apiKey}
            placeholder={config.value?.configured ? `•••• ${config.value.last4}` : 'Paste your Zoko API key'}
            onInput={(e) => (apiKey.value = e.currentTarget.value)} />
        </Field>
        <Field label="Agent ID" error={errors.value.agentId} hint="Sent when you create a group.">
          <input value={settings.value.agentId} onInput={(e) => set({ agentId: e.currentTarget.value })} />
        </Field>
        <Field label="Agent email" error={errors.value.agentEmail} hint="Sent when you change settings or remove participants.">
          <input type="email" value={settings.value.agentEmail} onInput={(e) => set({ agentEmail: e.currentTarget.value })} />
        </Field>
        <Field label="Default country" error={errors.value.defaultCountry} hint="For numbers typed without a country code.">
          <select value={settings.value.defaultCountry} onChange={(e) => set({ defaultCountry: e.currentTarget.value })}>
            {countryOptions().map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
          </select>
        </Field>
        <Field label="Join-request checks per minute" error={errors.value.pollBudgetPerMinute}
          hint="How many groups the toolbar badge may check each minute. Lower it if Zoko says you are rate limited.">
          <input type="number" min={2} max={600} step={1} value={settings.value.pollBudgetPerMinute}
            onInput={(e) => set({ pollBudgetPerMinute: Number(e.currentTarget.value) })} />
        </Field>
        <Field label="Seconds between badge refreshes" error={errors.value.pollIntervalSeconds}
          hint="Chrome checks at most every 30 seconds.">
          <input type="number" min={30} max={600} step={5} value={settings.value.pollIntervalSeconds}
            onInput={(e) => set({ pollIntervalSeconds: Number(e.currentTarget.value) })} />
        </Field>
        <label class="switch">
          <input type="checkbox" role="switch" checked={settings.value.notify} onChange={(e) => set({ notify: e.currentTarget.checked })} />
          <span>Notify me of new join requests</span>
        </label>
        <div class="row">
          <button type="submit" class="primary">Save</button>
          <button type="button" onClick={test} disabled={!config.value?.configured}>Test connection</button>
        </div>
        <p role="status" class={`status ${status.value?.tone ?? ''}`}>{status.value?.text}</p>
      </form>
      {config.value?.configured && (
        <section class="sign-out" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">Sign out</h2>
          <p class="muted small-text">Removes the API key and everything cached from Zoko from this browser. Your agent details stay.</p>
          <button type="button" class="danger" onClick={() => (signingOut.value = true)}>Sign out…</button>
        </section>
      )}
      {signingOut.value && (
        <ConfirmDialog title="Sign out of Zoko?" confirmLabel="Sign out" onClose={() => (signingOut.value = false)}
          onConfirm={() => void signOut()}>
          <p>The API key and the cached groups are removed from this browser. You will need the key to sign in again.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
