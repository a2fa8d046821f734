// Tables: what the options page accepts, and the sentence each error becomes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateConfig } from '../../utils/config';
import { describeError, META_CODES } from '../../utils/error-text';
import { readMessages } from '../../dev/english-messages';
import { errorFromResponse, parseRetryAfter, readErrorBody } from '../../utils/background/zoko/errors';
import type { ErrorData } from '../../utils/errors';
import { checkSubject } from '../../utils/validation';
import { isWhatsAppInviteLink } from '../../utils/invite-link';

describe('validateConfig', () => {
  const s = (patch = {}) => ({ ...DEFAULT_SETTINGS, ...patch });
  it.each([
    ['a key and a good e-mail', { apiKey: 'k-1', settings: s({ agentEmail: 'a@b.co' }) }, false, {}],
    ['no key yet', { settings: s() }, false, { apiKey: 'Enter your Zoko API key.' }],
    ['keep the stored key', { settings: s() }, true, {}],
    ['an empty key typed', { apiKey: '   ', settings: s() }, true, { apiKey: 'Enter your Zoko API key.' }],
    ['a key with a space inside', { apiKey: 'ab cd', settings: s() }, true, { apiKey: 'The key has spaces in it: paste it again.' }],
    ['a bad e-mail', { apiKey: 'k', settings: s({ agentEmail: 'agent at store' }) }, false, { agentEmail: 'Enter an e-mail address like agent@store.com.' }],
    ['no country', { apiKey: 'k', settings: s({ defaultCountry: '' }) }, false, { defaultCountry: 'Pick a country.' }],
    ['a poll budget of 0', { apiKey: 'k', settings: s({ pollBudgetPerMinute: 0 }) }, false, { pollBudgetPerMinute: 'Enter a whole number from 2 to 600.' }],
    ['a refresh every 10 s', { apiKey: 'k', settings: s({ pollIntervalSeconds: 10 }) }, false, { pollIntervalSeconds: 'Enter a whole number of seconds from 30 to 600.' }],
    ['a poll budget of 2.5', { apiKey: 'k', settings: s({ pollBudgetPerMinute: 2.5 }) }, false, { pollBudgetPerMinute: 'Enter a whole number from 2 to 600.' }],
  ])('%s', (_, input, hasKey, errors) => {
    expect(validateConfig(input, hasKey)).toEqual(errors);
  });
});

describe('checkSubject', () => {
  it.each([
    ['  Team  ', { ok: true, value: 'Team' }],
    ['', { ok: false, message: 'Give the group a name.' }],
    [' \t ', { ok: false, message: 'Give the group a name.' }],
    ['😀'.repeat(128), { ok: true, value: '😀'.repeat(128) }], // emoji count as one character each
    ['x'.repeat(129), { ok: false, message: 'Keep the name to 128 characters.' }],
    ['فريق الدعم', { ok: true, value: 'فريق الدعم' }],
  ])('%j', (input, result) => {
    expect(checkSubject(input)).toEqual(result);
  });
});

describe('error bodies', () => {
  it.each([
    [{ message: 'Bad subject' }, { message: 'Bad subject' }],
    [{ error: 'Rate limited', code: 131208 }, { message: 'Rate limited', metaCode: 131208 }],
    [{ error: { message: 'Suspended', code: 131207 } }, { message: 'Suspended', metaCode: 131207 }],
    [{ detail: 'Not found' }, { message: 'Not found' }],
    ['<html>502</html>', {}],
    [null, {}],
  ])('%j → %j', (body, read) => {
    expect(readErrorBody(body)).toEqual(read);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThanOrEqual(9);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it.each([
    [401, {}, 'auth'], [403, {}, 'forbidden'], [403, { code: 131207 }, 'suspended'], [404, {}, 'notFound'],
    [409, {}, 'invalidInput'], [422, {}, 'invalidInput'], [429, {}, 'rateLimited'], [400, { code: 131204 }, 'invalidInput'],
    [500, {}, 'server'], [503, {}, 'server'], [418, {}, 'unexpected'],
  ])('HTTP %i %j → %s', (status, body, kind) => {
    expect(errorFromResponse(status, body).data.kind).toBe(kind);
  });
});

describe('describeError', () => {
  const e = (data: Partial<ErrorData>): ErrorData => ({ kind: 'server', message: '', ...data });
  it.each([
    [e({ kind: 'auth', status: 401 }), 'Zoko rejected the API key. Check it in the settings.', 'openOptions'],
    [e({ kind: 'auth' }), 'No Zoko API key is set yet. Add it in the settings.', 'openOptions'],
    [e({ kind: 'rateLimited', retryAfterS: 30 }), 'Zoko is receiving too many requests. Try again in 30 s.', 'retry'],
    [e({ kind: 'rateLimited', metaCode: 131208 }), 'WhatsApp is limiting changes to this group right now. Try again in a moment.', 'retry'],
    [e({ kind: 'invalidInput', message: 'subject must be 1 to 128 characters' }), 'Subject must be 1 to 128 characters.', 'none'],
    [e({ kind: 'invalidInput', metaCode: 131204 }), 'A WhatsApp group can have at most 8 participants.', 'none'],
    [e({ kind: 'invalidInput', metaCode: 131215 }), 'This number cannot be added to WhatsApp groups.', 'none'],
    [e({ kind: 'suspended', metaCode: 131207 }), 'WhatsApp has suspended this group, so it cannot be changed.', 'none'],
    [e({ kind: 'forbidden', metaCode: 131211 }), 'This WhatsApp number has reached its limit of groups.', 'none'],
    [e({ kind: 'notFound' }), 'This group no longer exists on Zoko.', 'backToList'],
    [e({ kind: 'notFound', metaCode: 131213 }), 'That join request no longer exists: someone may have handled it already.', 'retry'],
    [e({ kind: 'server', metaCode: 131214 }), 'WhatsApp has paused group creation for a while. Try again later.', 'retry'],
    [e({ kind: 'partial' }), 'Only part of this went through. The list shows what is left.', 'retry'],
    [e({ kind: 'network' }), 'Could not reach Zoko. Check your connection and try again.', 'retry'],
    [e({ kind: 'timeout' }), 'Zoko took too long to answer. Try again.', 'retry'],
    [e({ kind: 'network', lostReply: true }), 'The extension restarted before Zoko’s answer arrived. Check whether it went through, then try again.', 'retry'],
    // A write whose outcome a re-read had to establish: the sentence names the real cause (a 503 did answer).
    [e({ kind: 'timeout', outcome: 'notDone' }), 'Zoko’s answer did not arrive, and a check shows it did not happen. You can try again.', 'retry'],
    [e({ kind: 'server', status: 503, outcome: 'notDone' }), 'Zoko had a problem on its side, and a check shows it did not happen. You can try again.', 'retry'],
    [e({ kind: 'server', status: 500, outcome: 'unknown' }), 'Zoko had a problem on its side, and it could not be checked. Look at the group before trying again.', 'none'],
    [e({ kind: 'unexpected', outcome: 'safeToRepeat' }), 'Zoko’s answer could not be read. It may have gone through; sending again is safe, because Zoko skips numbers already invited.', 'retry'],
  ])('%j', (error, text, action) => {
    expect(describeError(error)).toMatchObject({ text, action });
  });
});

describe('isWhatsAppInviteLink', () => {
  it.each([
    ['https://chat.whatsapp.com/abc123', true],
    ['http://chat.whatsapp.com/abc123', false],
    ['https://chat.whatsapp.com/', false],
    ['https://chat.whatsapp.com.evil.io/abc', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%s → %s', (link, safe) => {
    expect(isWhatsAppInviteLink(link)).toBe(safe);
  });
});

describe("Meta's group codes (DESIGN's list), in plain words, in both locales", () => {
  // Every code DESIGN names: if one is missing here or in META_CODES, this table fails.
  const DESIGN_CODES = [131041, 131059, 131201, 131202, 131203, 131204, 131207, 131208, 131211, 131212, 131213, 131214, 131215];
  const english = readMessages('locales/en.yml');
  const spanish = readMessages('locales/es.yml');

  it('every code has its own sentence, in English and Spanish', () => {
    expect([...META_CODES].sort()).toEqual([...DESIGN_CODES].sort());
    for (const code of DESIGN_CODES) {
      expect(english[`errors_meta${code}`], `English ${code}`).toMatch(/\. |\.$/);
      expect(spanish[`errors_meta${code}`], `Spanish ${code}`).toMatch(/\. |\.$/);
    }
  });

  it.each(DESIGN_CODES)('%i comes through as its own sentence, whatever HTTP status carried it', (code) => {
    const error = errorFromResponse(400, { error: { message: 'raw Meta words', code } }).data;
    expect(error.metaCode).toBe(code);
    if (error.kind === 'partial') return; // 131201: the partial-success sentence, which says the same
    expect(describeError(error).lead).toBe(english[`errors_meta${code}`]); // a rate limit adds when to try again
  });
});
