/** The agent's configuration: validation shared by the options page and the background. */
import { i18n } from '#i18n';
import type { ErrorData } from './errors';
export interface Settings {
  agentId: string;
  agentEmail: string;
  /** ISO 3166 alpha-2, used to read numbers typed without a country code. */
  defaultCountry: string;
  notify: boolean;
  /** Join-request polls allowed per minute across all groups. */
  pollBudgetPerMinute: number;
  /** Seconds between badge refreshes (Chrome's alarms fire at most every 30 s). */
  pollIntervalSeconds: number;
  /** Tell the agent when someone has waited longer than this many minutes (0: never). */
  waitAlertMinutes: number;
  /** The message around a group link put in a reply box, with `{group}` and `{link}`; empty or absent: the locale's. */
  linkMessage?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  agentId: '',
  agentEmail: '',
  defaultCountry: 'IN',
  notify: true,
  pollBudgetPerMinute: 60,
  pollIntervalSeconds: 30,
  waitAlertMinutes: 15,
};


/** What pages may know about the configuration: never the key, only that it exists and its end. */
export interface PublicConfig {
  configured: boolean;
  last4: string;
  /** Which sign-in (counted up at every key change and sign-out): a list shown for another one is not this store's. */
  signIn: number;
  settings: Settings;
}

/**
 * A saved configuration, with what Zoko said of a new key: accepted (with the store's group count), or not
 * asked because it could not be reached (saved anyway: the agent may be offline). A refused key is not saved.
 */
export interface SavedConfig extends PublicConfig {
  keyCheck?: { groupCount: number } | { unchecked: ErrorData };
}

export interface ConfigInput {
  /** A new key; omit to keep the stored one. */
  apiKey?: string;
  settings: Settings;
}

export type ConfigField = 'apiKey' | 'agentId' | 'agentEmail' | 'defaultCountry' | 'pollBudgetPerMinute' | 'pollIntervalSeconds'
  | 'waitAlertMinutes' | 'linkMessage';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field → message for every problem in the input; empty when it can be saved. */
export function validateConfig(input: ConfigInput, hasStoredKey: boolean): Partial<Record<ConfigField, string>> {
  const errors: Partial<Record<ConfigField, string>> = {};
  const key = input.apiKey?.trim();
  if (input.apiKey !== undefined && !key) errors.apiKey = i18n.t('validation.keyMissing');
  else if (key && /\s/.test(key)) errors.apiKey = i18n.t('validation.keySpaces');
  else if (input.apiKey === undefined && !hasStoredKey) errors.apiKey = i18n.t('validation.keyMissing');
  const { agentEmail, agentId, defaultCountry } = input.settings;
  if (agentEmail.trim() && !EMAIL.test(agentEmail.trim())) errors.agentEmail = i18n.t('validation.email');
  if (agentId.length > 100) errors.agentId = i18n.t('validation.agentIdLong');
  if (!/^[A-Z]{2}$/.test(defaultCountry)) errors.defaultCountry = i18n.t('validation.country');
  const message = input.settings.linkMessage?.trim() ?? '';
  if (message && (message.length > 500 || !message.includes('{link}'))) errors.linkMessage = i18n.t('validation.linkMessage', ['{link}']);
  const budget = input.settings.pollBudgetPerMinute;
  if (!Number.isInteger(budget) || budget < 2 || budget > 600) errors.pollBudgetPerMinute = i18n.t('validation.budget');
  const interval = input.settings.pollIntervalSeconds;
  if (!Number.isInteger(interval) || interval < 30 || interval > 600) errors.pollIntervalSeconds = i18n.t('validation.interval');
  const alert = input.settings.waitAlertMinutes;
  if (!Number.isInteger(alert) || alert < 0 || alert > 1440) errors.waitAlertMinutes = i18n.t('validation.waitAlert');
  return errors;
}

export const last4 = (key: string | null | undefined) => (key ? key.slice(-4) : '');
