/** Input rules shared by the panel (to say so before sending) and the background (to refuse bad input). */
import { i18n } from '#i18n';

export const SUBJECT_MAX = 128;
export const MAX_PARTICIPANTS = 8;

/** Trims a group subject and checks WhatsApp's 1–128 characters; returns the error sentence or the clean value. */
export function checkSubject(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (!value) return { ok: false, message: i18n.t('validation.subjectEmpty') };
  // WhatsApp counts characters, not UTF-16 units: an emoji is one.
  if ([...value].length > SUBJECT_MAX) return { ok: false, message: i18n.t('validation.subjectLong') };
  return { ok: true, value };
}

/** A WhatsApp id as Zoko wants it: digits only, country code first. */
export const isWaId = (n: string) => /^[1-9]\d{7,14}$/.test(n);
