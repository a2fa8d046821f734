// Zoko's published Groups API page, verbatim (../shared/zoko-groups-api-published.txt), is the only ground
// truth. Its JSON bodies are kept in the repository (tests/fixtures/published-bodies.json), so a clean clone
// with nothing beside it tests against them too; where the page itself is present, the bodies are read from it
// again and must equal the kept copy (UPDATE_PUBLISHED=1 rewrites the copy from the page). Each response parses
// into the domain model; each request body is exactly what the client sends for that call.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { createZokoClient, type ZokoClient } from '../../utils/background/zoko/client';
import {
  CreateResultSchema, GroupDetailsSchema, InviteLinkSchema, InviteResultSchema, readGroupList, readJoinRequests, TemplateSchema,
} from '../../utils/background/zoko/schemas';

const PAGE = resolve(__dirname, '../../../shared/zoko-groups-api-published.txt');
const KEPT = resolve(__dirname, '../fixtures/published-bodies.json');

/** The page's sections, in its order: their titles as printed. */
const SECTIONS = ['Create a Group', 'List Groups', 'Get Group Details', 'Update Group Settings', 'Delete Group',
  'Invite Members', 'Remove Participants', 'Get Join Requests', 'Handle Join Requests', 'Toggle Auto-Approval',
  'Get Invite Link', 'Reset Invite Link', 'Get Invitation Template', 'Set Invitation Template'] as const;
type Section = (typeof SECTIONS)[number];

interface Bodies { requests: unknown[]; responses: { label: string; body: unknown }[] }

/** Reads a JSON value that starts at `lines[from]`, to where its brackets balance. */
function jsonAt(lines: string[], from: number, firstLine: string): { value: unknown; end: number } {
  let text = '';
  let depth = 0;
  for (let i = from; i < lines.length; i++) {
    const line = i === from ? firstLine : lines[i]!;
    text += `${line}\n`;
    for (const ch of line) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
    if (depth === 0) return { value: JSON.parse(text.replace(/'\s*$/, '')), end: i };
  }
  throw new Error(`unbalanced JSON from line ${from + 1}`);
}

/** Every curl request body and every response body on the page, by section. */
function readPage(): Map<Section, Bodies> {
  const lines = readFileSync(PAGE, 'utf8').split('\n');
  const found = new Map<Section, Bodies>(SECTIONS.map((s) => [s, { requests: [], responses: [] }]));
  let section: Section | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if ((SECTIONS as readonly string[]).includes(line)) section = line as Section;
    if (!section) continue;
    if (line.startsWith("--data '")) {
      const { value, end } = jsonAt(lines, i, line.slice("--data '".length));
      found.get(section)!.requests.push(value);
      i = end;
    } else if (/^Response\b/.test(line) && /^[[{]/.test(lines[i + 1]?.trim() ?? '')) {
      const { value, end } = jsonAt(lines, i + 1, lines[i + 1]!);
      found.get(section)!.responses.push({ label: line, body: value });
      i = end;
    }
  }
  return found;
}

const fromPage = existsSync(PAGE) ? Object.fromEntries(readPage()) : null;
if (fromPage && process.env.UPDATE_PUBLISHED) writeFileSync(KEPT, `${JSON.stringify(fromPage, null, 2)}\n`);
const kept = JSON.parse(readFileSync(KEPT, 'utf8')) as Record<Section, Bodies>;
const bodies = (s: Section) => kept[s];

describe('the published page is read whole', () => {
  it('the kept bodies are the page\'s, exactly (where the page is present: a clean clone has only the copy)', () => {
    if (fromPage) expect(kept).toEqual(fromPage);
    else expect(Object.keys(kept)).toEqual([...SECTIONS]);
  });

  it('finds the bodies it shows: 9 responses and 7 curl request bodies', () => {
    const responses = SECTIONS.flatMap((s) => bodies(s).responses);
    const requests = SECTIONS.flatMap((s) => bodies(s).requests);
    expect(responses).toHaveLength(9);
    expect(requests).toHaveLength(7);
  });
});

/** How the client reads each section's response, to the domain model. */
const READERS: Partial<Record<Section, (body: unknown) => unknown>> = {
  'Create a Group': (b) => v.parse(CreateResultSchema, b),
  'List Groups': (b) => readGroupList(b),
  'Get Group Details': (b) => v.parse(GroupDetailsSchema, b),
  'Invite Members': (b) => v.parse(InviteResultSchema, b),
  'Get Join Requests': (b) => readJoinRequests(b),
  'Get Invite Link': (b) => v.parse(InviteLinkSchema, b),
  'Reset Invite Link': (b) => v.parse(InviteLinkSchema, b),
  'Get Invitation Template': (b) => v.parse(TemplateSchema, b),
};

describe('every response on the page parses into the domain model', () => {
  it.each(SECTIONS.flatMap((s) => bodies(s).responses.map((r) => [s, r.label, r.body] as const)))('%s — %s', (section, _, body) => {
    const read = READERS[section];
    expect(read, `no reader for ${section}`).toBeDefined();
    const out = read!(body);
    expect(out).toBeDefined();
    if (section === 'List Groups') expect(out).toMatchObject({ groups: [{ id: expect.any(String), subject: expect.any(String) }], unreadable: 0 });
    if (section === 'Get Join Requests') {
      // The example counts 2 but lists 1: the count is the total, and is kept.
      expect(out).toMatchObject({ count: (body as { count: number }).count, requests: [{ id: expect.any(String) }] });
    }
    if (section === 'Create a Group') {
      expect(out).toMatchObject({ status: (body as { _id?: string })._id ? 'created' : 'pending', subject: expect.any(String) });
    }
  });
});

describe('every request body on the page is what the client sends', () => {
  let sandbox: Sandbox;
  let store: SandboxControl;
  let client: ZokoClient;
  let id: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    store = await newStore(sandbox.url);
    client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => store.apiKey, retries: 0 });
    id = (await store.state()).groups.find((g) => !g.suspended)!._id;
  });
  afterAll(() => sandbox.close());

  /** Runs a call (its outcome at the sandbox does not matter here) and returns the body the client sent. */
  async function sent(call: () => Promise<unknown>): Promise<unknown> {
    await store.clearLog();
    await call().catch(() => undefined);
    return (await store.log()).at(-1)?.body;
  }

  const CALLS: Record<string, (page: any) => Promise<unknown>> = {
    'Create a Group': (p) => sent(() => client.createGroup(p.subject, p.agent_id)),
    'Update Group Settings': (p) => sent(() => client.updateSettings(id, { subject: p.subject, joinApprovalMode: p.join_approval_mode }, p.agent_email)),
    'Invite Members': (p) => sent(() => client.inviteMembers(id, p.phone_numbers)),
    'Remove Participants': (p) => sent(() => client.removeParticipants(id, p.participants, p.agent_email)),
    'Handle Join Requests': (p) => sent(() => client.approveJoinRequests(id, p.join_requests)),
    'Toggle Auto-Approval': (p) => sent(() => client.setAutoApproval(id, p.auto_approval)),
    'Set Invitation Template': (p) => sent(() => client.setInvitationTemplate(id, { templateId: p.invitation_template_id, args: p.template_args })),
  };

  it.each(SECTIONS.flatMap((s) => bodies(s).requests.map((body) => [s, body] as const)))('%s', async (section, body) => {
    const call = CALLS[section];
    expect(call, `no call for ${section}`).toBeDefined();
    expect(await call!(body)).toEqual(body);
  });
});
