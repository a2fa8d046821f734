/**
 * A number chosen with "Invite this number" on a page: read from the hand-off, normalised, and invited to
 * the group the agent picks (recent groups first). Follows new hand-offs while the panel is open.
 */
import { computed, signal } from '@preact/signals';
import type { Group, InviteResult } from '../domain';
import { groupBlock, pickerChoices, whyNoInvite } from '../group-state';
import type { Handoff } from '../storage';
import { createAction } from './action';
import { displayNumber } from './phone-format';
import type { Port } from './port';

type PhoneModule = typeof import('../phone');

/** `groups` and `country` may read signals: the number is read again when the default country arrives. */
export function createHandoffModel(port: Port, groups: () => Group[], country: () => string | undefined) {
  const handoff = signal<Handoff | null>(null);
  const phone = signal<PhoneModule | null>(null);
  /** Every number in the selection (null while reading); the agent picks when there is more than one. */
  const reading = computed(() => (handoff.value && phone.value ? phone.value.readSelection(handoff.value.text, country()) : null));
  const pickedNumber = signal<string | null>(null);
  /** The number to invite: the clear one, the only one, or the one the agent picked. */
  const parsed = computed(() => {
    const r = reading.value;
    if (!r) return null;
    if (r.candidates.length === 0) return { input: r.input, reason: r.reason ?? '' };
    const one = r.clear ?? (r.candidates.length === 1 ? r.candidates[0] : r.candidates.find((c) => c.waId === pickedNumber.value));
    return one ? { ...one, input: r.input } : null;
  });
  const recent = signal<string[]>([]);
  const picked = signal('');
  const result = signal<InviteResult | null>(null);
  const invite = createAction((id: string, waId: string) => port.send('inviteMembers', { id, phoneNumbers: [waId] }));

  /** Groups to pick from, recent first; full and suspended ones too, marked, so they are not missed. */
  const choices = computed(() => pickerChoices(groups(), recent.value));
  /** The agent's pick, else the group chosen in "Invite to", else the most recent group that can take someone. */
  const chosen = computed(() => picked.value || handoff.value?.groupId
    || (choices.value.find((g) => !groupBlock(g)) ?? choices.value[0])?.id || '');
  /** Why the chosen group cannot take an invitation now (full, suspended); null when it can. */
  const refusal = computed(() => {
    const g = choices.value.find((x) => x.id === chosen.value);
    return g ? whyNoInvite(g) : null;
  });

  async function read() {
    // Phone metadata is loaded only when a number arrives: it is the panel's heaviest part.
    const [h, recents, module] = await Promise.all([port.read('handoff'), port.read('recentGroups'), import('../phone')]);
    recent.value = recents;
    result.value = null;
    pickedNumber.value = null;
    phone.value = module;
    handoff.value = h;
  }

  let unwatch: (() => void) | undefined;

  /** Where the number came from, and whether the page hid part of what it selected. */
  const origin = computed(() => ({ link: handoff.value?.source === 'link', check: handoff.value?.check }));

  /** A number as the page likely writes it ("+91 90000 12345"), so the agent can compare the two digit by digit. */
  const display = (waId: string) => phone.value?.formatWaId(waId) ?? displayNumber(waId);

  return {
    reading, parsed, origin, display, choices, chosen, refusal, result, invite, pickedNumber,
    pick: (id: string) => (picked.value = id),
    pickNumber: (waId: string) => (pickedNumber.value = waId),
    /** Reads the hand-off now and follows new ones until `stop`. */
    start() {
      unwatch ??= port.watch('handoff', () => void read());
      return read();
    },
    stop() {
      unwatch?.();
      unwatch = undefined;
    },
    /** Invites the number to the chosen group; resolves to the result, or undefined (the error is in `invite`). */
    async send() {
      const n = parsed.value;
      if (!n || !('waId' in n) || !chosen.value || refusal.value) return undefined;
      const r = await invite.run(chosen.value, n.waId);
      if (r) result.value = r;
      return r;
    },
    /** The agent is done with this number: the hand-off is cleared. */
    close: () => port.consume('handoff'),
  };
}

export type HandoffModel = ReturnType<typeof createHandoffModel>;
