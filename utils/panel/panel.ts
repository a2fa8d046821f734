/** Wires the panel's models in one place: navigation, the group list, the open group, hand-offs, announcements. */
import { i18n } from '#i18n';
import { signal } from '@preact/signals';
import { createAction } from './action';
import { createGroupListModel } from './group-list-model';
import { createHandoffModel } from './handoff-model';
import { createOpenGroupModel, type OpenGroupModel } from './open-group-model';
import { createActivityModel } from './activity-model';
import { createWaitingModel } from './waiting-model';
import { mark, MARK } from './perf-marks';
import type { Port } from './port';

export type Route =
  | { name: 'list' }
  | { name: 'group'; id: string }
  | { name: 'create' }
  | { name: 'handoff' }
  | { name: 'waiting' }
  | { name: 'activity' };

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
  const waiting = createWaitingModel(port, () => groups.groups.value);
  const activity = createActivityModel(port);

  function openGroup(id: string) {
    mark(MARK.openGroup);
    if (current.value?.id !== id) {
      current.value?.dispose();
      const model = createOpenGroupModel(port.send, id);
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

  /** What this agent did, on this browser. */
  function openActivity() {
    route.value = { name: 'activity' };
    void activity.start();
  }

  /** Everyone waiting, across groups. */
  function openWaiting() {
    route.value = { name: 'waiting' };
    void waiting.start();
  }

  function announce(text: string) {
    // Re-setting the same text would not be announced again: clear first.
    announcement.value = '';
    queueMicrotask(() => (announcement.value = text));
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

  async function start() {
    const listing = groups.start(); // the list paints meanwhile: nothing below waits on it
    const [pending, wanted] = await Promise.all([port.read('handoff'), port.read('openGroup')]);
    if (pending) showHandoff();
    else followOpenGroup(wanted);
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
    port, route, announcement, flash, groups, current, handoff, createGroup, waiting, activity,
    start, openGroup, back, announce, submitCreate, closeHandoff, openWaiting, openActivity,
    create: () => (route.value = { name: 'create' }),
  };
}

export type Panel = ReturnType<typeof createPanel>;
