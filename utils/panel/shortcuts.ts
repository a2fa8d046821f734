/**
 * Single-key shortcuts in the group view and the Waiting queue, and Ctrl/Cmd+K for the palette. Keys never
 * fire while the agent types in a field, or while a dialog is open. `a` / `r` decide the next person with no
 * decision on its way (the models keep one per request), so fast presses never decide one person twice. `r`
 * asks first (Enter confirms, Escape keeps the request): one stray key must not turn a customer away.
 */
import { i18n } from '#i18n';
import { isWhatsAppInviteLink } from '../invite-link';
import type { Panel } from './panel';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Runs the shortcut for a key; returns true when the key was used (the page then prevents its default). */
export function runShortcut(panel: Panel, e: KeyLike, typing: boolean, dialogOpen: boolean): boolean {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
    panel.palette.show();
    return true;
  }
  if (typing || dialogOpen || e.ctrlKey || e.metaKey || e.altKey || panel.palette.open.value) return false;
  const route = panel.route.value.name;
  if (e.key === '?') {
    panel.helpOpen.value = true;
    return true;
  }
  if (e.key === 'Escape' && route !== 'list') {
    panel.back();
    return true;
  }
  if (route === 'group' && panel.current.value) {
    const model = panel.current.value;
    const action = e.key === 'a' ? 'approve' : 'reject';
    const next = e.key === 'a' || e.key === 'r' ? model.next(action) : null;
    if (next && !model.readOnly.value) {
      const run = () => void model.decide.run(action, [next]).then((left) => {
        if (left) panel.announce(i18n.t(action === 'approve' ? 'requests.approved' : 'requests.rejected', 1));
      });
      if (next === 'full') panel.announce(i18n.t('requests.groupFull'));
      else if (action === 'approve') run();
      else {
        const name = model.requests.value?.find((r) => r.id === next)?.name ?? '';
        panel.rejectByKey.value = { name, subject: model.group.value?.subject ?? '', confirm: run };
      }
      return true;
    }
    if (e.key === 'c') {
      const link = model.link.value ?? '';
      const subject = model.group.value?.subject ?? '';
      void (isWhatsAppInviteLink(link) ? panel.port.copy(link) : Promise.resolve(false))
        .then((ok) => panel.announce(i18n.t(ok ? 'palette.copied' : 'palette.noLink', [subject])));
      return true;
    }
  }
  // This chat's two actions, from the list: the group picker opens, filter and Enter do the rest.
  if (route === 'list' && (e.key === 'i' || e.key === 'l')) return panel.chat.openPicker(e.key === 'i' ? 'invite' : 'link');
  if (route === 'waiting' && (e.key === 'a' || e.key === 'r')) {
    const next = panel.waiting.next(e.key === 'a' ? 'approve' : 'reject');
    if (next === 'full') panel.announce(i18n.t('waiting.noneFits'));
    else if (next && e.key === 'a') void panel.waiting.decide('approve', [next]);
    else if (next) panel.rejectByKey.value = { name: next.name, subject: next.subject, confirm: () => void panel.waiting.decide('reject', [next]) };
    return Boolean(next);
  }
  return false;
}

/** Whether a key event comes from a place where the agent types. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}
