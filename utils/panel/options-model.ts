/**
 * The options page: the agent's settings and the API key, which goes to the background and is never read
 * back (pages see only "configured" and its last 4 characters). Validation runs here and again there.
 */
import { i18n } from '#i18n';
import { signal } from '@preact/signals';
import { DEFAULT_SETTINGS, validateConfig, type ConfigField, type PublicConfig, type Settings } from '../config';
import { describeError } from '../error-text';
import type { ErrorData } from '../errors';
import type { Transport } from './port';

export type OptionsStatus = { tone: 'ok' | 'warn' | 'error' | 'busy'; text: string } | null;

export function createOptionsModel(send: Transport) {
  const config = signal<PublicConfig | null>(null);
  const apiKey = signal('');
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const errors = signal<Partial<Record<ConfigField, string>>>({});
  const status = signal<OptionsStatus>(null);
  /** The form waits for the stored settings: typing before they arrive would be overwritten by them. */
  const ready = signal(false);

  // In the settings, "check it in the settings" would point where the agent already is: say what Zoko did instead.
  const fail = (error: ErrorData) => (status.value = {
    tone: 'error',
    text: error.kind === 'auth' && error.status === 401 ? i18n.t('options.keyRefused') : describeError(error).text,
  });

  async function load() {
    const r = await send('getConfig', undefined);
    if (r.ok) {
      config.value = r.data;
      settings.value = r.data.settings;
      ready.value = true;
    } else fail(r.error);
  }

  return {
    config, apiKey, settings, errors, status, ready,
    load,
    set: (patch: Partial<Settings>) => (settings.value = { ...settings.value, ...patch }),
    /** Saves what the form holds; on any failure, what the agent typed stays. */
    async save() {
      const input = { apiKey: apiKey.value.trim() || undefined, settings: settings.value };
      errors.value = validateConfig(input, Boolean(config.value?.configured));
      if (Object.keys(errors.value).length > 0) {
        status.value = { tone: 'error', text: i18n.t('options.fixFields') };
        return;
      }
      status.value = { tone: 'busy', text: i18n.t('options.saving') };
      const r = await send('saveConfig', input);
      if (!r.ok) return fail(r.error);
      config.value = r.data;
      apiKey.value = '';
      const check = r.data.keyCheck;
      status.value = !check ? { tone: 'ok', text: i18n.t('options.saved') }
        : 'groupCount' in check ? { tone: 'ok', text: i18n.t('options.savedChecked', check.groupCount) }
        : { tone: 'warn', text: i18n.t('options.savedUnchecked', [describeError(check.unchecked).text]) };
    },
    async test() {
      status.value = { tone: 'busy', text: i18n.t('options.testing') };
      const r = await send('testConnection', undefined);
      if (!r.ok) return fail(r.error);
      status.value = { tone: 'ok', text: i18n.t('options.connected', r.data.groupCount) };
    },
    async signOut() {
      const r = await send('signOut', undefined);
      if (!r.ok) return fail(r.error);
      config.value = r.data;
      status.value = { tone: 'ok', text: i18n.t('options.signedOut') };
    },
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
