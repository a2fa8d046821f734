/**
 * Waiting: one queue of everyone asking to join, across groups, oldest first. It paints from what the
 * background last read (the badge's polls and the agent's actions keep it), refreshes within the request
 * budget, and decides with one request per group. "Approve all that fit" gives each group the people who
 * asked first, up to its free seats (WhatsApp refuses a 9th participant); each row then shows its outcome.
 * A row has one decision at a time: while Zoko answers it says so, and keys and buttons pass over it.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Group, JoinDecision, JoinRequest } from '../domain';
import { describeError } from '../error-text';
import { createDecisionsInFlight, type DecisionsInFlight } from './decisions-in-flight';
import type { Port } from './port';
import { seatsLeft } from '../group-state';

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

/** The background re-reads a group after approving in it, so its cached count includes them. */
const seatsLeftIn = (g: Group) => seatsLeft(g.participantCount);

/**
 * `people` is the list model's signal of who is waiting (it follows storage already): the queue opens on
 * what is known, with no read on its way.
 */
/** `inFlight` is the panel's one record of decisions on their way, shared with a group's requests and the palette. */
export function createWaitingModel(
  port: Port, groups: () => Group[], people: ReadonlySignal<Record<string, JoinRequest[]>>, inFlight: DecisionsInFlight = createDecisionsInFlight(),
) {
  const outcomes = signal<Record<string, RowOutcome>>({});
  /** Rows decided (or being decided) here, kept on screen with their outcome after they leave the queue. */
  const decided = signal<Record<string, WaitingRow>>({});
  const selected = signal<ReadonlySet<string>>(new Set());
  const refreshing = signal(false);
  const notRead = signal(0);
  /** Some decision is on its way: the bulk actions wait for it (their plan would count seats twice). */
  const working = computed(() => inFlight.deciding.value.size > 0);

  const rows = computed<WaitingRow[]>(() => {
    const byId = new Map(groups().map((g) => [g.id, g]));
    const out: WaitingRow[] = [];
    for (const [groupId, requests] of Object.entries(people.value)) {
      const g = byId.get(groupId);
      if (!g || g.autoApproval || g.suspended) continue; // Zoko approves these itself, or nothing can change
      const seatsLeft = seatsLeftIn(g);
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
  /** Rows still waiting with no decision on its way: what keys, selections and "Approve all that fit" act on. */
  const ready = computed(() => open.value.filter((r) => !inFlight.deciding.value.has(r.id)));
  /** Free seats per group now, less the approvals on their way there: each of those takes a seat. */
  const seats = computed(() => {
    const left = new Map(groups().map((g) => [g.id, seatsLeftIn(g)]));
    const groupOf = new Map(rows.value.map((r) => [r.id, r.groupId]));
    for (const [id, action] of inFlight.deciding.value) {
      const groupId = groupOf.get(id);
      if (action === 'approve' && groupId !== undefined) left.set(groupId, (left.get(groupId) ?? 0) - 1);
    }
    return left;
  });
  /** The ready rows, with the seats left once the approvals on their way are in. */
  const readyWithSeats = () => ready.value.map((r) => ({ ...r, seatsLeft: Math.max(0, seats.value.get(r.groupId) ?? r.seatsLeft) }));

  /**
   * Decides rows, one request per group; every row gets its outcome. Rows already decided here, or with a
   * decision on its way, are left out: a second press sends nothing for them.
   */
  async function decide(action: JoinDecision, asked: WaitingRow[], held: WaitingRow[] = []) {
    const stillOpen = new Set(open.value.map((r) => r.id));
    const ids = new Set(inFlight.claim(action, asked.filter((r) => stillOpen.has(r.id)).map((r) => r.id)));
    const chosen = asked.filter((r) => ids.has(r.id));
    if (chosen.length === 0 && held.length === 0) return {};
    // On screen while Zoko answers, even if the background's next read no longer lists them.
    decided.value = { ...decided.value, ...Object.fromEntries(chosen.map((r) => [r.id, r])) };
    const byGroup = new Map<string, WaitingRow[]>();
    for (const r of chosen) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
    const results: Record<string, RowOutcome> = Object.fromEntries(held.map((r) => [r.id, { kind: 'noSeat' } as RowOutcome]));
    try {
      await decideByGroup(action, byGroup, results);
    } finally {
      batch(() => {
        decided.value = { ...decided.value, ...Object.fromEntries(held.map((r) => [r.id, r])) };
        outcomes.value = { ...outcomes.value, ...results };
        // Only what was decided leaves the selection: the agent may have selected others meanwhile.
        selected.value = new Set([...selected.value].filter((id) => !(id in results)));
        inFlight.release([...ids]);
      });
    }
    return results;
  }

  /** One request per group; writes each row's outcome into `results`. */
  async function decideByGroup(action: JoinDecision, byGroup: Map<string, WaitingRow[]>, results: Record<string, RowOutcome>) {
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
  }

  /**
   * Who `a` / `r` decides: the oldest ready row; for an approval, the oldest whose group still has a seat
   * once the approvals on their way are in. 'full' when people wait but none fits.
   */
  function next(action: JoinDecision): WaitingRow | 'full' | null {
    const candidates = readyWithSeats();
    if (candidates.length === 0) return null;
    return (action === 'reject' ? candidates[0] : candidates.find((r) => r.seatsLeft > 0)) ?? 'full';
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
    rows, open, ready, groupCount, outcomes, selected, refreshing, notRead, working,
    /** The decision on its way for a row, if any ("Approving…"). */
    deciding: inFlight.deciding,
    next,
    /** Free seats in a group now, less the approvals on their way there; undefined for a group not known. */
    seatsLeftIn(groupId: string): number | undefined {
      const left = seats.value.get(groupId);
      return left === undefined ? undefined : Math.max(0, left);
    },
    planApprovals: () => planApprovals(readyWithSeats()),
    toggle(id: string) {
      const next = new Set(selected.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      selected.value = next;
    },
    decide,
    /** "Approve all that fit": each group's first-come people up to its seats; the rest are told there is no seat. */
    approveAllThatFit() {
      const plan = planApprovals(readyWithSeats());
      const chosen = ready.value.filter((r) => plan.byGroup.get(r.groupId)?.includes(r.id));
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
