/**
 * Where Zoko's published page is silent, the sandbox can answer each plausible way, so that the client is
 * tested against every one and no single guess is baked into both (see "Gaps and decisions" in the API notes).
 */
export interface Dialect {
  /** Which id Zoko takes in `{id}`: its own (`id`/`_id`, our first reading) or WhatsApp's `groupId`. */
  pathId?: 'zoko' | 'whatsapp';
  /** Join requests list at most this many in `data`; `count` stays the total. */
  requestPage?: number;
  /** Extra unknown fields, null optional fields and missing optional fields in every body. */
  loose?: boolean;
  /** The list holds one item that cannot be read (a null subject). */
  brokenListItem?: boolean;
  /** Template arguments come back as numbers where they are numbers, and numbers are accepted. */
  numericTemplateArgs?: boolean;
  /** A refused write answers 200 with `{ success: false, error }` instead of an error status. */
  successFalse?: boolean;
  /** Errors come as HTML pages (a gateway in front of Zoko), not JSON. */
  htmlErrors?: boolean;
}

/** The dialects every client suite runs against. */
export const DIALECTS = {
  documented: {},
  whatsappId: { pathId: 'whatsapp' },
  paged: { requestPage: 1 },
  loose: { loose: true, brokenListItem: true, numericTemplateArgs: true },
  refusals: { successFalse: true },
  htmlErrors: { htmlErrors: true },
} satisfies Record<string, Dialect>;

export type DialectName = keyof typeof DIALECTS;

/** Adds unknown fields, nulls optional ones and drops others, everywhere in a body ("loose" dialect). */
export function loosen(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(loosen);
  if (typeof body !== 'object' || body === null) return body;
  const out: Record<string, unknown> = { x_zoko_trace: { region: 'in', v: 2 } };
  for (const [k, value] of Object.entries(body)) {
    if (['updatedAt', 'updated_at', 'customer_id', 'customerId'].includes(k)) continue; // optional: missing
    if (['inviteLink', 'name', 'created_at'].includes(k) && !value) out[k] = null; // optional: null
    else out[k] = k === 'template_args' ? value : loosen(value); // the store's own data stays as it is
  }
  return out;
}
