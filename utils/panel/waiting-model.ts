/**
 * Waiting: one queue of everyone asking to join, across groups, oldest first. It paints from what the
 * background last read (the badge's polls and the agent's actions keep it), refreshes within the request
 * budget, and decides with one request per group. "Approve all that fit" gives each group the people who
 * asked first, up to its free seats (WhatsApp refuses a 9th participant); each row then shows its outcome.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Group, JoinDecision, JoinRequest } from '../domain';
import { describeError } from '../error-text';
import { MAX_PARTICIPANTS } from '../validation';
import type { Port } from './port';

export interface WaitingRow extends JoinRequest {
  groupId: string;
  subject: string;
  /** Free seats in the group now. */
  seatsLeft: number;
}

export type RowOutcome =
  | { kind: 'approved' } | { kind: 'rejected' } | { kind: 'noSeat' } | { kind: 'gone' } | { kind: 'failed'; reason: string };

export interface Plan {
  /** Request ids to approve, per group: those who asked first, up to the free seats. */
  byGroup: Map<string, string[]>;
  /** Rows that cannot fit: their groups are full. */
  held: WaitingRow[];
  people: number;
}

/** Those who asked first, per group, up to its free seats. */
export function planApprovals(rows: WaitingRow[]): Plan {
  const byGroup = new Map<string, string[]>();
  const held: WaitingRow[] = [];
  for (const row of [...rows].sort((a, b) => a.createdAt - b.createdAt)) {
    const ids = byGroup.get(row.groupId) ?? [];
    if (ids.length < row.seatsLeft) byGroup.set(row.groupId, [...ids, row.id]);
    else held.push(row);
  }
  return { byGroup, held, people: rows.length - held.length };
}

/**
 * `people` is the list model's signal of who is waiting (it follows storage already): the queue opens on
 * what is known, with no read on its way.
 */
export function createWaitingModel(port: Port, groups: () => Group[], people: ReadonlySignal<Record<string, JoinRequest[]>>) {
  const outcomes = signal<Record<string, RowOutcome>>({});
  /** Rows decided here, kept on screen with their outcome after they leave the queue. */
  const decided = signal<Record<string, WaitingRow>>({});
  const selected = signal<ReadonlySet<string>>(new Set());
  const refreshing = signal(false);
  const notRead = signal(0);
  const working = signal(false);

  const rows = computed<WaitingRow[]>(() => {
    const byId = new Map(groups().map((g) => [g.id, g]));
    const out: WaitingRow[] = [];
    for (const [groupId, requests] of Object.entries(people.value)) {
      const g = byId.get(groupId);
      if (!g || g.autoApproval || g.suspended) continue; // Zoko approves these itself, or nothing can change
      // The background re-reads a group after approving in it, so its cached count includes them.
      const seatsLeft = Math.max(0, MAX_PARTICIPANTS - g.participantCount);
      for (const r of requests) out.push({ ...r, groupId, subject: g.subject, seatsLeft });
    }
    const live = new Set(out.map((r) => r.id));
    for (const r of Object.values(decided.value)) if (!live.has(r.id)) out.push(r);
    return out.sort((a, b) => a.createdAt - b.createdAt);
  });
  /** Rows still waiting (not decided here). */
  const open = computed(() => rows.value.filter((r) => !outcomes.value[r.id] || outcomes.value[r.id]!.kind === 'noSeat'
    || outcomes.value[r.id]!.kind === 'failed'));
  const groupCount = computed(() => new Set(open.value.map((r) => r.groupId)).size);

  /** Decides rows, one request per group; every row gets its outcome. */
  async function decide(action: JoinDecision, chosen: WaitingRow[], held: WaitingRow[] = []) {
    working.value = true;
    const byGroup = new Map<string, WaitingRow[]>();
    for (const r of chosen) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
    const results: Record<string, RowOutcome> = Object.fromEntries(held.map((r) => [r.id, { kind: 'noSeat' } as RowOutcome]));
    await Promise.all([...byGroup].map(async ([groupId, list]) => {
      const r = await port.send('decideJoinRequests', { id: groupId, action, requestIds: list.map((x) => x.id) });
      const failedWhy = new Map((r.ok ? r.data.error?.failed : undefined)?.map((f) => [f.id, f.reason]) ?? []);
      const still = new Set(r.ok ? (r.data.requests?.requests ?? []).map((x) => x.id) : list.map((x) => x.id));
      for (const row of list) {
        if (!r.ok) results[row.id] = { kind: 'failed', reason: describeError(r.error).text };
        else if (failedWhy.has(row.id)) results[row.id] = { kind: 'failed', reason: failedWhy.get(row.id)! };
        else if (r.data.error?.metaCode === 131213) results[row.id] = { kind: 'gone' };
        else if (r.data.error && still.has(row.id)) results[row.id] = { kind: 'failed', reason: describeError(r.data.error).text };
        else results[row.id] = { kind: action === 'approve' ? 'approved' : 'rejected' };
      }
    }));
    batch(() => {
      decided.value = { ...decided.value, ...Object.fromEntries([...chosen, ...held].map((r) => [r.id, r])) };
      outcomes.value = { ...outcomes.value, ...results };
      selected.value = new Set();
      working.value = false;
    });
    return results;
  }

  /** Asks the background to read who is waiting, within the request budget. */
  async function refresh() {
    refreshing.value = true;
    const r = await port.send('refreshWaiting', undefined);
    batch(() => {
      refreshing.value = false;
      notRead.value = r.ok ? r.data.notRead : 0;
    });
  }

  return {
    rows, open, groupCount, outcomes, selected, refreshing, notRead, working,
    planApprovals: () => planApprovals(open.value),
    toggle(id: string) {
      const next = new Set(selected.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      selected.value = next;
    },
    decide,
    /** "Approve all that fit": each group's first-come people up to its seats; the rest are told there is no seat. */
    approveAllThatFit() {
      const plan = planApprovals(open.value);
      const chosen = open.value.filter((r) => plan.byGroup.get(r.groupId)?.includes(r.id));
      return decide('approve', chosen, plan.held);
    },
    /** Paints from what the background knows (it follows storage already), and asks it to read more. */
    start: refresh,
    refresh,
    stop() {
      batch(() => {
        outcomes.value = {};
        decided.value = {};
        selected.value = new Set();
      });
    },
  };
}

export type WaitingModel = ReturnType<typeof createWaitingModel>;
