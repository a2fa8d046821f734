/** Wires the panel's models in one place: navigation, the group list, the open group, hand-offs, announcements. */
import { i18n } from '#i18n';
import { effect, signal } from '@preact/signals';
import { createAction } from './action';
import { createGroupListModel } from './group-list-model';
import { createHandoffModel } from './handoff-model';
import { createOpenGroupModel, type OpenGroupModel } from './open-group-model';
import { createActivityModel } from './activity-model';
import { createPaletteModel, type PaletteItem } from './palette-model';
import { createWaitingModel } from './waiting-model';
import { createChatModel } from './chat-model';
import { createDecisionsInFlight } from './decisions-in-flight';
import { browserAccess } from './host-access';
import { isWhatsAppInviteLink } from '../invite-link';
import { describeError } from '../error-text';
import { mark, MARK } from './perf-marks';
import type { Port } from './port';
import { seatsLeft } from '../group-state';

/** Long enough to read a sentence twice on a busy screen. */
export const STATUS_SHOWN_MS = 8_000;

export type Route =
  | { name: 'list' }
  | { name: 'group'; id: string }
  | { name: 'create' }
  | { name: 'handoff' }
  | { name: 'waiting' }
  | { name: 'activity' }
  | { name: 'settings' };

export function createPanel(port: Port) {
  const route = signal<Route>({ name: 'list' });
  /** Text for the screen reader's live region (and the toast): results such as "3 invitations sent". */
  const announcement = signal('');
  /** A message to show on the list after leaving a group (e.g. it was deleted). */
  const flash = signal<string | null>(null);
  const groups = createGroupListModel(port);
  /** The open group's model: created by navigation, never by rendering. */
  const current = signal<OpenGroupModel | null>(null);
  const handoff = createHandoffModel(port, () => groups.groups.value, () => groups.config.value?.settings.defaultCountry);
  const createGroup = createAction((subject: string) => port.send('createGroup', { subject }));
  /** Decisions on their way to Zoko, whichever screen (or the palette) sent them: a request gets one at a time. */
  const inFlight = createDecisionsInFlight();
  const waiting = createWaitingModel(port, () => groups.groups.value, groups.people, inFlight);
  const activity = createActivityModel(port);
  const recent = signal<string[]>([]);
  const chat = createChatModel(port, {
    groups: () => groups.groups.value, recent: () => recent.value, people: groups.people, country: () => groups.config.value?.settings.defaultCountry,
    linkTemplate: () => groups.config.value?.settings.linkMessage, access: browserAccess,
  });
  const palette = createPaletteModel(() => groups.groups.value, () => recent.value, () => ({
    waiting: i18n.t('palette.waiting'), activity: i18n.t('palette.activity'), settings: i18n.t('palette.settings'), create: i18n.t('palette.create'),
  }));
  /** A field a screen should focus once shown (the palette's "invite numbers to …"). */
  const focusRequest = signal<'invite' | null>(null);
  const helpOpen = signal(false);
  /** A rejection asked for by one key press, waiting for the agent's yes: a stray `r` must not turn someone away. */
  const rejectByKey = signal<{ name: string; subject: string; confirm: () => void } | null>(null);

  // Signed out (or another store saved): nothing shown for the last store stays, wherever the agent was.
  let signIn: number | undefined;
  effect(() => {
    const config = groups.config.value;
    if (!config || config.signIn === signIn) return;
    const first = signIn === undefined;
    signIn = config.signIn;
    if (first) return;
    chat.forget();
    current.peek()?.dispose();
    current.value = null;
    // A group, Waiting or Activity of the old store closes; the settings where the key was saved stay.
    if (route.peek().name !== 'list' && route.peek().name !== 'settings') back();
  });

  function openGroup(id: string) {
    mark(MARK.openGroup);
    if (current.value?.id !== id) {
      current.value?.dispose();
      const model = createOpenGroupModel(port.send, id, groups.groups.value.find((g) => g.id === id)?.subject, inFlight);
      current.value = model;
      void model.load();
    }
    route.value = { name: 'group', id };
  }

  function back(message?: string) {
    if (route.value.name === 'waiting') waiting.stop();
    if (route.value.name === 'activity') activity.stop();
    flash.value = message ?? null;
    route.value = { name: 'list' };
  }

  /** The settings, inside the panel: the inbox stays beside them. */
  function openSettings() {
    route.value = { name: 'settings' };
  }

  /** What this agent did, on this browser. */
  function openActivity() {
    route.value = { name: 'activity' };
    void activity.start();
  }

  /** Everyone waiting, across groups. */
  function openWaiting() {
    mark(MARK.openWaiting);
    route.value = { name: 'waiting' };
    void waiting.start();
  }

  // Confirmations are shown on the status line (and read by screen readers from it), then leave: a line that
  // stays would soon describe an older action than the one the agent looks at.
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string) {
    // Re-setting the same text would not be announced again: clear first.
    announcement.value = '';
    clearTimeout(statusTimer);
    queueMicrotask(() => (announcement.value = text));
    statusTimer = setTimeout(() => (announcement.value = ''), STATUS_SHOWN_MS);
  }

  /** A notification click asked for a group: open it, once. */
  function followOpenGroup(id: string | null) {
    if (!id) return;
    openGroup(id);
    void port.consume('openGroup');
  }

  function showHandoff() {
    route.value = { name: 'handoff' };
    void handoff.start();
  }

  function followOpenWaiting(wanted: boolean | null) {
    if (!wanted) return;
    openWaiting();
    void port.consume('openWaiting');
  }

  /** Runs what the agent chose in the palette, and says what happened. */
  async function runPaletteItem(item: PaletteItem) {
    palette.hide();
    if (item.kind === 'panel') {
      if (item.action === 'waiting') openWaiting();
      else if (item.action === 'activity') openActivity();
      else if (item.action === 'create') route.value = { name: 'create' };
      else openSettings();
      return;
    }
    const { group: g, action } = item;
    if (action === 'open') return openGroup(g.id);
    if (action === 'invite') {
      openGroup(g.id);
      focusRequest.value = 'invite';
      return;
    }
    if (action === 'sendLink') {
      const status = await chat.sendLink(g);
      return announce(status.text);
    }
    if (action === 'copyLink') {
      const copied = isWhatsAppInviteLink(g.inviteLink) && (await port.copy(g.inviteLink));
      return announce(i18n.t(copied ? 'palette.copied' : 'palette.noLink', [g.subject]));
    }
    // Approve all that fit: those who asked first, up to the free seats; one request.
    const read = await port.send('listJoinRequests', { id: g.id });
    if (!read.ok) return announce(i18n.t('palette.failed', [g.subject, describeError(read.error).text]));
    const seats = seatsLeft(g.participantCount);
    // Approvals already on their way (from Waiting or the group) hold their seats, and are not sent again.
    const onTheirWay = read.data.requests.filter((q) => inFlight.deciding.value.get(q.id) === 'approve').length;
    const open = [...read.data.requests].filter((q) => !inFlight.deciding.value.has(q.id)).sort((a, b) => a.createdAt - b.createdAt);
    const ids = inFlight.claim('approve', open.slice(0, Math.max(0, seats - onTheirWay)).map((q) => q.id));
    if (ids.length === 0) return announce(i18n.t('palette.nobody', [g.subject]));
    const r = await port.send('decideJoinRequests', { id: g.id, action: 'approve', requestIds: ids }).finally(() => inFlight.release(ids));
    const error = r.ok ? r.data.error : r.error;
    announce(error ? i18n.t('palette.failed', [g.subject, describeError(error).text]) : i18n.t('palette.approved', [String(ids.length), g.subject]));
  }

  async function start() {
    const listing = groups.start(); // the list paints meanwhile: nothing below waits on it
    // "This chat" once the browser is idle after the first rows: its reads and the worker's tab lookup would
    // otherwise queue with the list's storage reads.
    const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0));
    whenIdle(() => void chat.start(), { timeout: 300 });
    const [pending, wanted, toWaiting] = await Promise.all([port.read('handoff'), port.read('openGroup'), port.read('openWaiting')]);
    if (pending) showHandoff();
    else if (toWaiting) followOpenWaiting(toWaiting);
    else followOpenGroup(wanted);
    port.watch('openWaiting', followOpenWaiting);
    void port.read('recentGroups').then((r) => (recent.value = r));
    port.watch('recentGroups', (r) => (recent.value = r));
    // Hand-offs that arrive while the panel is already open.
    port.watch('handoff', (h) => {
      if (h) showHandoff();
    });
    port.watch('openGroup', followOpenGroup);
    await listing;
  }

  /** Creates a group: a 200 opens it, a 202 goes back to the list saying it is being created. */
  async function submitCreate(subject: string) {
    const r = await createGroup.run(subject);
    if (!r) return; // the error is shown; the subject stays as typed
    if (r.status === 'created') {
      announce(i18n.t('create.created', [r.subject]));
      openGroup(r.id);
    } else back(i18n.t('create.pending', [r.subject]));
  }

  async function closeHandoff() {
    handoff.stop();
    await handoff.close();
    back();
  }

  return {
    port, route, announcement, flash, groups, current, handoff, createGroup, waiting, activity, chat, palette, focusRequest, helpOpen, rejectByKey,
    start, openGroup, back, announce, openSettings, submitCreate, closeHandoff, openWaiting, openActivity, runPaletteItem,
    create: () => (route.value = { name: 'create' }),
  };
}

export type Panel = ReturnType<typeof createPanel>;
