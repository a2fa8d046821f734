/** Deterministic seed data for the Zoko sandbox: realistic groups, members and join requests. */

export interface SandboxParticipant {
  wa_id: string;
  is_admin: boolean;
  status: 'joined' | 'left' | 'removed';
  customer_id: string;
  name: string;
}

export interface SandboxJoinRequest {
  join_request_id: string;
  wa_id: string;
  creation_timestamp: number;
  customer_id: string;
  name: string;
}

export interface SandboxGroup {
  id: string;
  customerId: string;
  groupId: string;
  subject: string;
  inviteLink: string;
  /** Zoko's auto-approval: requests are still made, and Zoko approves them. */
  autoApproval: boolean;
  /** WhatsApp's own setting: `auto_approve` lets link openers join at once, with no request at all. */
  joinApprovalMode: 'approval_required' | 'auto_approve';
  suspended: boolean;
  participants: SandboxParticipant[];
  invitations: Set<string>;
  joinRequests: SandboxJoinRequest[];
  template: { invitation_template_id: string; template_args: Record<string, string | number> };
  createdAt: string;
  updatedAt: string;
}

/** A small seeded PRNG (mulberry32), so every run sees the same data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createIds(random: () => number) {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  let whatsapp = 120363012345678900n;
  let request = 100;
  return {
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    whatsappGroupId: () => String((whatsapp += 17n)),
    joinRequestId: () => `req_${request++}`,
    inviteCode: () => hex(22),
  };
}

export type Ids = ReturnType<typeof createIds>;

const FIRST = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Ishaan', 'Meera',
  'Kabir', 'Diya', 'Aditya', 'Riya', 'Sanjay', 'Lakshmi', 'Farhan', 'Neha', 'Rahul', 'Zoya'];
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Khan', 'Nair', 'Gupta', 'Mehta', 'Das', 'Kapoor'];

export const SEED_SUBJECTS = [
  'VIP Customers',
  'Order Updates — Mumbai',
  'Wholesale Buyers',
  'Diwali Sale 2026',
  'Support Team',
  'Beta Testers',
  'Returns & Exchanges',
  'Loyalty Club Gold',
  'New Arrivals Alerts',
  'Bengaluru Pickup Point',
  'Influencer Collective',
  'Flash Deals (archived)',
];

/** Seeds `count` groups (the first dozen with the realistic subjects above). */
export function seedGroups(random: () => number, ids: Ids, count = SEED_SUBJECTS.length, now = Date.now()): SandboxGroup[] {
  const person = () => randomPerson(random, ids);
  const groups: SandboxGroup[] = [];
  for (let i = 0; i < count; i++) {
    const subject = SEED_SUBJECTS[i] ?? `Customer Group ${String(i + 1).padStart(5, '0')}`;
    const created = new Date(now - (count - i) * 86_400_000 - 3_600_000).toISOString();
    const memberCount = i === 4 ? 8 : 1 + Math.floor(random() * 6);
    const participants: SandboxParticipant[] = Array.from({ length: memberCount }, (_, m) => ({
      ...person(),
      is_admin: m === 0,
      status: 'joined' as const,
    }));
    if (i % 3 === 1) participants.push({ ...person(), is_admin: false, status: 'left' });
    // A third of the groups approve joins automatically; the others collect requests.
    const autoApproval = i % 3 === 2;
    // The realistic dozen have people waiting; bulk groups (benchmarks, load) start quiet.
    const requestCount = autoApproval || i >= SEED_SUBJECTS.length ? 0 : [3, 1, 0, 2, 0, 4][i % 6]!;
    const joinRequests = Array.from({ length: requestCount }, (_, r) => ({
      ...person(),
      join_request_id: ids.joinRequestId(),
      creation_timestamp: Math.floor(now / 1000) - (r + 1) * 420,
    }));
    groups.push({
      id: ids.uuid(),
      customerId: ids.uuid(),
      groupId: ids.whatsappGroupId(),
      subject,
      inviteLink: `https://chat.whatsapp.com/${ids.inviteCode()}`,
      autoApproval,
      joinApprovalMode: 'approval_required',
      suspended: subject.startsWith('Flash Deals'),
      participants,
      invitations: new Set(),
      joinRequests,
      template: {
        invitation_template_id: 'group_invite_01',
        template_args: { '1': '{{brand.whatsapp_display_name}}', '2': '{{group.invite_link}}' },
      },
      createdAt: created,
      updatedAt: created,
    });
  }
  return groups;
}

export function randomPerson(random: () => number, ids: Ids) {
  return {
    name: `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`,
    wa_id: `9197${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    customer_id: ids.uuid(),
  };
}
