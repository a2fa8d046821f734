/**
 * The command palette (Ctrl/Cmd+K): type part of a group's name, optionally after an action word, and press
 * Enter — open it, copy its invite link, send it to the chat in view, approve everyone who fits, invite numbers to it — or an action of
 * the panel (Waiting, Activity, settings, create). Fuzzy, recently used first, within a keystroke's budget at
 * 10,000 groups: only names are matched, and actions are chosen by the first word.
 */
import { computed, signal } from '@preact/signals';
import type { Group } from '../domain';

export type GroupAction = 'open' | 'copyLink' | 'approveAll' | 'invite' | 'sendLink';
export type PanelAction = 'waiting' | 'activity' | 'settings' | 'create';

export type PaletteItem =
  | { kind: 'group'; action: GroupAction; group: Group }
  | { kind: 'panel'; action: PanelAction };

/** Action words an agent may type first ("copy vip", "approve returns"), in either locale. */
const ACTION_WORDS: Record<string, GroupAction> = {
  open: 'open', abrir: 'open',
  copy: 'copyLink', link: 'copyLink', copiar: 'copyLink', enlace: 'copyLink',
  approve: 'approveAll', aprobar: 'approveAll',
  invite: 'invite', invitar: 'invite',
  // Into the reply box of the conversation beside the panel (This chat).
  send: 'sendLink', enviar: 'sendLink',
};

const MAX_RESULTS = 30;

/**
 * How well `query` matches `text` as a subsequence: higher is better, -1 for no match. Consecutive letters
 * and letters at the start of a word count more, so "vc" finds "VIP Customers" before "Very old Catalogue".
 */
export function fuzzyScore(query: string, text: string): number {
  if (!query) return 0;
  let score = 0;
  let at = 0;
  let run = 0;
  for (const ch of query) {
    const found = text.indexOf(ch, at);
    if (found === -1) return -1;
    run = found === at ? run + 1 : 0;
    score += 1 + run * 2 + (found === 0 || text[found - 1] === ' ' ? 3 : 0) - Math.min(found - at, 5) * 0.1;
    at = found + 1;
  }
  return score;
}

export function createPaletteModel(groups: () => Group[], recent: () => string[], panelLabels: () => Record<PanelAction, string>) {
  const open = signal(false);
  const query = signal('');
  const active = signal(0);
  // Lower-cased names, built once per list (not per keystroke).
  const names = computed(() => groups().map((g) => g.subject.toLowerCase()));

  const results = computed<PaletteItem[]>(() => {
    const words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const action = words.length > 0 ? ACTION_WORDS[words[0]!] : undefined;
    const text = (action ? words.slice(1) : words).join(' ');
    const rank = new Map(recent().map((id, i) => [id, i]));
    const list = groups();
    const scored: { g: Group; s: number }[] = [];
    for (let i = 0; i < list.length; i++) {
      const s = fuzzyScore(text, names.value[i]!);
      if (s >= 0) scored.push({ g: list[i]!, s: s + (rank.has(list[i]!.id) ? 10 - Math.min(rank.get(list[i]!.id)!, 9) : 0) });
    }
    scored.sort((a, b) => b.s - a.s);
    const items: PaletteItem[] = scored.slice(0, MAX_RESULTS).map(({ g }) => ({ kind: 'group', action: action ?? 'open', group: g }));
    if (!action) {
      const labels = panelLabels();
      const panel = (Object.keys(labels) as PanelAction[])
        .map((a) => ({ item: { kind: 'panel', action: a } as PaletteItem, s: fuzzyScore(text, labels[a].toLowerCase()) }))
        .filter((x) => x.s >= 0)
        .sort((x, y) => y.s - x.s);
      if (!text) return [...items.slice(0, 8), ...panel.map((x) => x.item)];
      // A panel action named almost letter for letter comes before the groups; a loose match after them.
      const strong = panel.filter((x) => x.s >= text.length * 3).map((x) => x.item);
      const weak = panel.filter((x) => x.s < text.length * 3).map((x) => x.item);
      return [...strong, ...items, ...weak].slice(0, MAX_RESULTS);
    }
    return items;
  });

  return {
    open, query, active, results,
    show() {
      query.value = '';
      active.value = 0;
      open.value = true;
    },
    hide: () => (open.value = false),
    move(by: number) {
      const n = results.value.length;
      if (n > 0) active.value = (active.value + by + n) % n;
    },
  };
}

export type PaletteModel = ReturnType<typeof createPaletteModel>;
