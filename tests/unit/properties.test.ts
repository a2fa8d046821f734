// Property-based tests (fast-check): random and mutated input never crashes the client, the parser or the
// form rules; each gives a value or a clear reason.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBERS, numberFromSelection, parseNumber, parsePastedNumbers } from '../../utils/phone';
import { checkSubject, isWaId, SUBJECT_MAX } from '../../utils/validation';
import { errorFromResponse, readErrorBody } from '../../utils/background/zoko/errors';
import {
  CreateResultSchema, GroupDetailsSchema, InviteLinkSchema, InviteResultSchema, readGroupList, readJoinRequests, TemplateSchema,
} from '../../utils/background/zoko/schemas';

/** Whether a body reads: by a schema, or by one of the item-by-item readers. */
type Reads = (body: unknown) => boolean;
const by = (schema: v.GenericSchema): Reads => (body) => v.safeParse(schema, body).success;

export const RUNS = 300;

/** Real bodies from the API doc, to mutate. */
const SAMPLES: [string, Reads, unknown][] = [
  ['list', (b) => readGroupList(b) !== undefined, [{ id: 'f1', customerId: 'c', chatType: 'group', groupId: '1203', subject: 'Support Team',
    inviteLink: 'https://chat.whatsapp.com/abc', autoApproval: false, activeParticipantCount: 5, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-02T00:00:00Z' }]],
  ['details', by(GroupDetailsSchema), { _id: 'f1', customer_id: 'c', chat_type: 'group', group_id: '1203', subject: 'Support Team',
    invite_link: 'https://chat.whatsapp.com/abc', auto_approval: false, suspended: false, status: 'active',
    participants: [{ wa_id: '919876543210', is_admin: true, status: 'joined', customer_id: 'c', name: 'Jane Doe' }],
    created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-02T00:00:00Z' }],
  ['create', by(CreateResultSchema), { _id: 'f1', request_id: 'm', group_id: '1203', customer_id: 'c', subject: 'Support Team', status: 'complete' }],
  ['invite', by(InviteResultSchema), { sent: ['919876543210'], skipped: ['919876543211'], failed: [{ phone_number: '919876543212', reason: 'invalid number' }] }],
  ['join requests', (b) => readJoinRequests(b) !== undefined, { count: 1, data: [{ join_request_id: 'req_123', wa_id: '919876543210', creation_timestamp: 1704067200, customer_id: 'c', name: 'John Doe' }] }],
  ['invite link', by(InviteLinkSchema), { invite_link: 'https://chat.whatsapp.com/abc123def456' }],
  ['template', by(TemplateSchema), { invitation_template_id: 'group_invite_01', template_args: {} }],
];

/** Replaces one value somewhere in a body with anything. */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object') return replacement;
  const entries = Array.isArray(body) ? body.map((x, i) => [String(i), x] as const) : Object.entries(body);
  if (entries.length === 0) return replacement;
  const [key, value] = entries[path[0]! % entries.length]!;
  const copy: any = Array.isArray(body) ? [...body] : { ...body };
  copy[key] = mutate(value, path.slice(1), replacement);
  return copy;
}

describe('response schemas', () => {
  it.each(SAMPLES)('%s: the documented body parses', (_, reads, body) => {
    expect(reads(body)).toBe(true);
  });

  it.each(SAMPLES)('%s: any value, or a mutated body, parses or fails as data — never throws', (_, reads, body) => {
    fc.assert(fc.property(
      fc.oneof(fc.anything(), fc.tuple(fc.array(fc.nat(20), { maxLength: 4 }), fc.anything()).map(([p, r]) => mutate(body, p, r))),
      (input) => {
        expect(typeof reads(input)).toBe('boolean');
      },
    ), { numRuns: RUNS });
  });

  it('any error body becomes an error with a kind and a message', () => {
    fc.assert(fc.property(fc.integer({ min: 400, max: 599 }), fc.anything(), fc.option(fc.string()), (status, body, retryAfter) => {
      const e = errorFromResponse(status, body, retryAfter).data;
      expect(e.kind).toMatch(/^(auth|forbidden|notFound|rateLimited|invalidInput|suspended|partial|network|timeout|server|unexpected)$/);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message.length).toBeLessThanOrEqual(300);
      expect(readErrorBody(body)).toBeTypeOf('object');
    }), { numRuns: RUNS });
  });
});

describe('phone parsing', () => {
  it('any string gives a valid wa_id or a reason', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(undefined, 'IN', 'US', 'GB', 'BR'), (text, country) => {
      const r = parseNumber(text, country);
      if ('waId' in r) expect(isWaId(r.waId)).toBe(true);
      else expect(r.reason.length).toBeGreaterThan(0);
    }), { numRuns: RUNS });
  });

  it('digit-heavy strings too (the ones that look like numbers)', () => {
    const phoneish = fc.stringMatching(/^[+0]?[0-9 ()-.]{0,20}$/);
    fc.assert(fc.property(phoneish, (text) => {
      const r = numberFromSelection(text, 'IN');
      expect('waId' in r ? isWaId(r.waId) : r.reason.length > 0).toBe(true);
    }), { numRuns: RUNS });
  });

  it('a pasted list: every candidate lands in exactly one bucket, and valid ones are unique', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\+?[0-9 ]{6,16}$/)), { maxLength: 40 }), (lines) => {
      const r = parsePastedNumbers(lines.join('\n'), 'IN');
      const waIds = r.valid.map((n) => n.waId);
      expect(new Set(waIds).size).toBe(waIds.length);
      expect(r.duplicates.every((d) => waIds.includes(d.waId))).toBe(true);
    }), { numRuns: RUNS });
  });

  it('1 MB of text is cut to a bounded amount of work, and says so', () => {
    const big = '+91 98765 43210, x\n'.repeat(60_000).slice(0, 1_000_000);
    const r = parsePastedNumbers(big, 'IN');
    expect(r.truncated).toBe(true);
    expect(r.valid.length + r.invalid.length + r.duplicates.length).toBeLessThanOrEqual(MAX_NUMBERS);
    expect(numberFromSelection(big, 'IN')).toMatchObject({ waId: '919876543210' });
  });
});

describe('settings form: the subject', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 140 }), // emoji and combined characters
    fc.constantFrom('فريق الدعم', 'צוות תמיכה', '  \u200f RTL \u200e ', '\t\n', '😀'.repeat(129)),
  );
  it('accepted → trimmed, 1 to 128 characters; refused → a sentence', () => {
    fc.assert(fc.property(text, (raw) => {
      const r = checkSubject(raw);
      if (r.ok) {
        expect(r.value).toBe(raw.trim());
        expect([...r.value].length).toBeGreaterThanOrEqual(1);
        expect([...r.value].length).toBeLessThanOrEqual(SUBJECT_MAX);
      } else {
        expect(['Give the group a name.', `Keep the name to ${SUBJECT_MAX} characters.`]).toContain(r.message);
      }
    }), { numRuns: RUNS });
  });
});
