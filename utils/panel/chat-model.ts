/**
 * "This chat": the customer in the conversation the agent is looking at, what the extension already knows
 * about them, and the two one-step actions (invite them to a group; put a group's link in the reply box).
 * The site's script only reports page text: numbers are parsed here, and nothing is done on a guess.
 */
import { i18n } from '#i18n';
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ActivityEntry, Group, JoinRequest } from '../domain';
import { describeError } from '../error-text';
import { pickerChoices, whyNoInvite } from '../group-state';
import type { ChatInView } from '../inbox';
import { isWhatsAppInviteLink } from '../invite-link';
import type { AccessRequests } from './host-access';
import { linkMessage } from './link-message';
import type { Port } from './port';

type PhoneModule = typeof import('../phone');

export interface Customer { waId: string; name?: string }
export type ChatStatus = { tone: 'ok' | 'error'; text: string } | null;
/**
 * What an action is for, captured when the agent starts it (the picker opens, the palette runs): the
 * customer shown then, in which conversation. The page may change before the pick; the action is done for
 * this customer in this conversation, or not at all.
 */
export interface ChatTarget {
  customer: Customer | null;
  key: string;
  /** The conversation as the background knows it: the tab, and the numbers its reader reported. */
  tabId: number;
  numbers: string[];
}
export interface Picking extends ChatTarget { action: 'invite' | 'link'; customer: Customer }

export interface ChatDeps {
  groups: () => Group[];
  /** Recently used group ids, most recent first: the pickers list those groups first. */
  recent: () => string[];
  people: ReadonlySignal<Record<string, JoinRequest[]>>;
  country: () => string | undefined;
  linkTemplate: () => string | undefined;
  access: AccessRequests;
}

/** How long the card keeps a sentence: a confirmation as long as the status line, an error long enough to act on. */
export const CHAT_OK_SHOWN_MS = 8_000;
export const CHAT_ERROR_SHOWN_MS = 30_000;

export function createChatModel(port: Port, deps: ChatDeps) {
  const view = signal<ChatInView | null>(null);
  const offerHidden = signal(true);
  const phone = signal<PhoneModule | null>(null);
  const members = signal<Record<string, string[]>>({});
  const activity = signal<ActivityEntry[]>([]);
  /** The number the agent chose among several, for the conversation it was chosen in. */
  const chosen = signal<{ key: string; waId: string | null } | null>(null);
  /** The card's last sentence, with the conversation it was said for: it is never shown beside another one. */
  const said = signal<{ key: string; status: NonNullable<ChatStatus> } | null>(null);
  const offerError = signal<string | null>(null);
  const busy = signal(false);
  /** The group picker open for an action ("Invite to…", "Send invite link…"), bound to whom it was opened for. */
  const picking = signal<Picking | null>(null);

  const chat = computed(() => (view.value?.granted ? view.value.chat ?? null : null));
  /**
   * What the top of the list shows: the card on a granted site; the one-line offer on a site that can be
   * offered, or while the panel cannot see which site it is; nothing otherwise (chrome:// pages, plain http).
   */
  const shown = computed<'card' | 'offer' | null>(() => {
    const v = view.value;
    if (!v) return null;
    if (v.granted) return 'card';
    return !offerHidden.value && (v.site !== null || !v.addressKnown) ? 'offer' : null;
  });
  /** The conversation's identity: a new tab, name or numbers forget the agent's earlier choice and unbind a picker. */
  const key = computed(() => `${view.value?.tabId}|${chat.value?.name ?? ''}|${chat.value?.numbers.join(',') ?? ''}`);
  const candidates = computed<string[]>(() => {
    const p = phone.value;
    if (!p || !chat.value) return [];
    const out: string[] = [];
    for (const raw of chat.value.numbers) {
      const n = p.parseNumber(raw, deps.country());
      if (p.isParsed(n) && !out.includes(n.waId)) out.push(n.waId);
    }
    return out;
  });
  const customer = computed<Customer | null>(() => {
    const c = chat.value;
    const list = candidates.value;
    if (!c || list.length === 0) return null;
    const pick = chosen.value?.key === key.value ? chosen.value.waId : undefined;
    // Only a sure reader names the customer: one number the page may have drawn otherwise is still asked about.
    const waId = pick !== undefined ? pick : c.sure && !c.kind ? list[0]! : null;
    return waId ? { waId, ...(c.name && { name: c.name }) } : null;
  });
  /** Numbers the reader is not sure of (one or several): the agent says which is the customer. */
  const unsure = computed(() => candidates.value.length > 0 && customer.value === null && chosen.value?.key !== key.value);

  /** What the extension already knows about the customer: waiting, member, invited (groups by subject). */
  const known = computed(() => {
    const waId = customer.value?.waId;
    if (!waId) return { waiting: [] as string[], memberOf: [] as string[], invitedTo: [] as string[] };
    const subject = new Map(deps.groups().map((g) => [g.id, g.subject]));
    const name = (id: string) => subject.get(id);
    const waiting = Object.entries(deps.people.value).filter(([, rs]) => rs.some((r) => r.waId === waId)).map(([id]) => name(id));
    const memberOf = Object.entries(members.value).filter(([, ids]) => ids.includes(waId)).map(([id]) => name(id));
    const invitedTo = activity.value.filter((e) => e.action === 'invite' && e.outcome === 'done' && e.who?.includes(`+${waId}`))
      .map((e) => e.subject ?? (e.groupId ? name(e.groupId) : undefined));
    const unique = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
    return { waiting: unique(waiting), memberOf: unique(memberOf), invitedTo: unique(invitedTo) };
  });

  /** Groups the pickers offer, recent first; full and suspended ones too, marked, so they are not missed. */
  const choices = computed(() => pickerChoices(deps.groups(), deps.recent()));

  /** What the card says now: only in the conversation it was said for, and only until it fades. */
  const status = computed<ChatStatus>(() => (said.value && said.value.key === key.value ? said.value.status : null));
  let fade: ReturnType<typeof setTimeout> | undefined;
  /** Says `next` on the card for the conversation `forKey` (the one in view unless told); returns it. */
  function say(next: NonNullable<ChatStatus>, forKey = key.value): NonNullable<ChatStatus> {
    clearTimeout(fade);
    said.value = { key: forKey, status: next };
    // An error stays long enough to act on; a confirmation as long as the panel's status line.
    fade = setTimeout(() => (said.value = null), next.tone === 'error' ? CHAT_ERROR_SHOWN_MS : CHAT_OK_SHOWN_MS);
    return next;
  }

  const display = (waId: string) => phone.value?.formatWaId(waId) ?? `+${waId}`;
  /** The conversation in view now, and its customer, as what an action is for. */
  const targetNow = (): ChatTarget => ({ customer: customer.value, key: key.value, tabId: view.value?.tabId ?? -1, numbers: chat.value?.numbers ?? [] });
  /** Whether `target` is still the conversation and customer in view: otherwise nothing is written for it. */
  const stillInView = (target: ChatTarget) => target.key === key.value && customer.value?.waId === target.customer?.waId;
  /** The open picker's conversation is no longer the one in view ("The chat changed"). */
  const pickerStale = computed(() => picking.value !== null && !stillInView(picking.value));
  /** Says that nothing was done because the conversation changed under the action. */
  function chatChanged(target: ChatTarget): NonNullable<ChatStatus> {
    busy.value = false;
    const who = target.customer ? display(target.customer.waId) : i18n.t('inbox.thisChat');
    return say({ tone: 'error', text: i18n.t('inbox.chatChanged', [who]) });
  }

  /** Invites the target's customer (the one shown when the agent started) to `group`; the result is said in the card. */
  async function invite(group: Group, target: ChatTarget = targetNow()): Promise<ChatStatus> {
    const who = target.customer;
    if (!who) return null;
    if (!stillInView(target)) return chatChanged(target);
    // Full or suspended: Zoko would refuse; the agent is told why and nothing is sent.
    const refused = whyNoInvite(group);
    if (refused) return say({ tone: 'error', text: i18n.t('inbox.notInvited', [display(who.waId), refused]) });
    busy.value = true;
    const r = await port.send('inviteMembers', { id: group.id, phoneNumbers: [who.waId] });
    busy.value = false;
    const number = display(who.waId);
    const out: NonNullable<ChatStatus> = !r.ok ? { tone: 'error', text: i18n.t('inbox.notInvited', [number, describeError(r.error).text]) }
      : r.data.sent.length > 0 ? { tone: 'ok', text: i18n.t('inbox.invited', [number, group.subject]) }
      : r.data.skipped.length > 0 ? { tone: 'ok', text: i18n.t('inbox.skipped', [number, group.subject]) }
      : { tone: 'error', text: i18n.t('inbox.notInvited', [number, r.data.failed[0]?.reason ?? '']) };
    // Said for the conversation it was sent from: if the agent has moved on, the status line says it instead.
    return say(out, target.key);
  }

  /**
   * Puts `group`'s link (in the agent's message) into the target conversation's reply box; the clipboard
   * when there is none. Checked again after each wait: the link never lands in a conversation opened since.
   */
  async function sendLink(group: Group, target: ChatTarget = targetNow()): Promise<NonNullable<ChatStatus>> {
    if (!stillInView(target)) return chatChanged(target);
    busy.value = true;
    let link = group.inviteLink;
    if (!isWhatsAppInviteLink(link)) {
      const r = await port.send('getInviteLink', { id: group.id });
      link = r.ok ? r.data : '';
    }
    if (!isWhatsAppInviteLink(link)) {
      busy.value = false;
      return say({ tone: 'error', text: i18n.t('inbox.noLink', [group.subject]) });
    }
    if (!stillInView(target)) return chatChanged(target);
    const text = linkMessage(deps.linkTemplate(), group.subject, link);
    const r = await port.send('insertIntoChat', { text, tabId: target.tabId, numbers: target.numbers });
    busy.value = false;
    if (r.ok && r.data.inserted) return say({ tone: 'ok', text: i18n.t('inbox.inserted', [group.subject]) });
    // Not inserted, and another chat now (the background sees the page before the panel does): no copy for it either.
    if ((r.ok && r.data.changed) || !stillInView(target)) return chatChanged(target);
    const copied = await port.copy(text);
    return say(copied
      ? { tone: 'ok', text: i18n.t(r.ok && r.data.found ? 'inbox.refusedCopied' : 'inbox.copiedInstead', [group.subject]) }
      : { tone: 'error', text: i18n.t(r.ok && r.data.found ? 'inbox.refusedNotCopied' : 'inbox.notCopied', [group.subject, link]) });
  }

  async function loadPhone() {
    phone.value ??= await import('../phone');
  }

  const stops: (() => void)[] = [];
  function follow(next: ChatInView | null) {
    view.value = next;
    if (next?.granted && next.chat?.numbers.length) void loadPhone();
  }

  return {
    view, offerHidden, shown, chat, candidates, choices, picking: picking as ReadonlySignal<Picking | null>, pickerStale,
    customer, unsure, known, status, offerError, busy,
    /** Follows the tab in view while the panel is open. */
    async start() {
      stops.push(port.watch('chatInView', follow), port.watch('inboxOfferHidden', (v) => (offerHidden.value = v)),
        port.watch('knownMembers', (v) => (members.value = v)), port.watch('activity', (v) => (activity.value = v)));
      const [hidden, known, log] = await Promise.all([port.read('inboxOfferHidden'), port.read('knownMembers'), port.read('activity')]);
      offerHidden.value = hidden;
      members.value = known;
      activity.value = log;
      const r = await port.send('refreshChatInView', undefined);
      follow(r.ok ? r.data : await port.read('chatInView'));
    },
    stop: () => stops.splice(0).forEach((stop) => stop()),
    choose(waId: string | null) {
      chosen.value = { key: key.value, waId };
    },
    /** "Connect it": let the panel see which site the tab shows (one browser prompt, once). */
    async allowTabAddresses() {
      offerError.value = null;
      if (!(await deps.access.tabAddresses())) {
        offerError.value = i18n.t('inbox.tabsDenied');
        return;
      }
      const r = await port.send('refreshChatInView', undefined);
      if (r.ok) follow(r.data);
    },
    /** "Use with ‹site›": the browser asks the agent for that one site, then the background starts reading it. */
    async useSite(site: string) {
      offerError.value = null;
      if (!(await deps.access.site(site))) {
        offerError.value = i18n.t('inbox.denied');
        return;
      }
      const r = await port.send('useSite', { origin: site });
      if (!r.ok) offerError.value = describeError(r.error).text;
      else {
        const again = await port.send('refreshChatInView', undefined);
        if (again.ok) follow(again.data);
      }
    },
    hideOffer: () => port.send('setInboxOffer', { hidden: true }),
    /** Opens the group picker for `action`, bound to the customer in view now; false when there is none. */
    openPicker(action: Picking['action']) {
      const target = targetNow();
      if (target.customer) picking.value = { ...target, action, customer: target.customer };
      return target.customer !== null;
    },
    closePicker: () => (picking.value = null),
    /** Signed out, or another store: nothing said about the last one stays. */
    forget() {
      clearTimeout(fade);
      said.value = null;
      picking.value = null;
    },
    /** The agent picked `group`: the action runs for whom the picker was opened, if still in view. */
    async pick(group: Group): Promise<ChatStatus> {
      const p = picking.value;
      picking.value = null;
      if (!p) return null;
      return p.action === 'invite' ? invite(group, p) : sendLink(group, p);
    },
    invite: (group: Group) => invite(group),
    /** The palette's "send ‹group›": for the conversation in view when it ran. */
    sendLink: (group: Group) => sendLink(group),
    /** "+91 98765 43210" once the phone module is in (it is, whenever there is a number to show). */
    display,
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
