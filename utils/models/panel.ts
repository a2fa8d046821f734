/** Wires the panel's models in one place: navigation, the group list, the open group, announcements. */
import { signal } from '@preact/signals';
import { handoffItem, openGroupItem } from '../storage';
import { createGroupModel, type GroupModel } from './group-model';
import { createGroupsModel } from './groups-model';
import type { Transport } from './transport';
import { mark, MARK } from '../perf-marks';

export type Route =
  | { name: 'list' }
  | { name: 'group'; id: string }
  | { name: 'create' }
  | { name: 'handoff' };

export function createPanel(transport: Transport) {
  const route = signal<Route>({ name: 'list' });
  /** Text for the screen reader's live region (and the toast): results such as "3 invitations sent". */
  const announcement = signal('');
  /** A message to show on the list after leaving a group (e.g. it was deleted). */
  const flash = signal<string | null>(null);
  const groups = createGroupsModel(transport);
  let open: GroupModel | null = null;

  function openGroup(id: string) {
    mark(MARK.openGroup);
    if (open?.id !== id) {
      open?.dispose();
      open = createGroupModel(transport, id);
      void open.load();
    }
    route.value = { name: 'group', id };
  }

  function back(message?: string) {
    flash.value = message ?? null;
    route.value = { name: 'list' };
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
    void openGroupItem.setValue(null);
  }

  async function start() {
    const listing = groups.start(); // the list paints meanwhile: nothing below waits on it
    const [handoff, wanted] = await Promise.all([handoffItem.getValue(), openGroupItem.getValue()]);
    if (handoff) route.value = { name: 'handoff' };
    else followOpenGroup(wanted);
    // Hand-offs that arrive while the panel is already open.
    handoffItem.watch((h) => {
      if (h) route.value = { name: 'handoff' };
    });
    openGroupItem.watch(followOpenGroup);
    await listing;
  }

  return {
    transport, route, announcement, flash, groups,
    start, openGroup, back, announce,
    groupModel: (id: string) => (open?.id === id ? open : (openGroup(id), open!)),
    create: () => (route.value = { name: 'create' }),
  };
}

export type Panel = ReturnType<typeof createPanel>;
