/** The side panel: a header, the current screen, and one status line for results. */
import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { isTyping, runShortcut } from '../utils/panel/shortcuts';
import { GroupList } from './GroupList';
import { Icon } from './Icon';
import { lazy } from './lazy';
import { usePanel } from './panel-context';

// Not on the first paint (the list is): each screen loads when first shown, from the extension itself.
const GroupView = lazy(() => import('./GroupView').then((m) => m.GroupView));
const CreateGroup = lazy(() => import('./CreateGroup').then((m) => m.CreateGroup));
const NumberHandoff = lazy(() => import('./NumberHandoff').then((m) => m.NumberHandoff));
const WaitingQueue = lazy(() => import('./WaitingQueue').then((m) => m.WaitingQueue));
const ActivityLog = lazy(() => import('./ActivityLog').then((m) => m.ActivityLog));
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => m.CommandPalette));
const ShortcutHelp = lazy(() => import('./ShortcutHelp').then((m) => m.ShortcutHelp));
const RejectByKey = lazy(() => import('./RejectByKey').then((m) => m.RejectByKey));
const SettingsScreen = lazy(() => import('./SettingsScreen').then((m) => m.SettingsScreen));

export function App() {
  const panel = usePanel();
  const route = panel.route.value;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const dialogOpen = Boolean(document.querySelector('dialog[open]'));
      if (e.key === '/' && !isTyping(e.target) && !dialogOpen && panel.route.value.name === 'list') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('input[type=search]')?.focus();
        return;
      }
      if (runShortcut(panel, e, isTyping(e.target), dialogOpen)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    // After the first paint, while the agent reads the list: the screens one click away load in the background.
    // The palette too: keys typed right after Ctrl+K must land in it, not wait for its script.
    const idle = setTimeout(() => [GroupView, WaitingQueue, CommandPalette].forEach((view) => view.preload()), 1_000);
    return () => {
      clearTimeout(idle);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <div class="panel">
      <header class="topbar">
        <h1>{i18n.t('extName')}</h1>
        <span class="spacer" />
        {route.name === 'list' && (
          <>
            {/* An icon: at 360 px the title, "Create group" and settings need the room. */}
            <button type="button" class="icon" aria-label={i18n.t('activity.open')} title={i18n.t('activity.open')} onClick={panel.openActivity}>
              <Icon name="history" />
            </button>
            {/* Before a key there is no store to create a group in: the list shows the way to the settings instead. */}
            {panel.groups.configured.value === true && (
              <button type="button" class="primary small" onClick={panel.create}><Icon name="plus" />{i18n.t('list.createGroup')}</button>
            )}
          </>
        )}
        <button type="button" class="icon" aria-label={i18n.t('common.settings')} title={i18n.t('common.settings')}
          onClick={panel.openSettings} aria-pressed={route.name === 'settings'}>
          <Icon name="settings" />
        </button>
      </header>
      {route.name === 'list' && <GroupList />}
      {route.name === 'group' && panel.current.value && <GroupView key={route.id} model={panel.current.value} />}
      {route.name === 'create' && <CreateGroup />}
      {route.name === 'handoff' && <NumberHandoff />}
      {route.name === 'waiting' && <WaitingQueue />}
      {route.name === 'activity' && <ActivityLog />}
      {route.name === 'settings' && <SettingsScreen />}
      {panel.palette.open.value && <CommandPalette />}
      {panel.helpOpen.value && <ShortcutHelp />}
      {panel.rejectByKey.value && <RejectByKey />}
      {/* One status line for every confirmation, seen and heard: the screen readers' live region is this line. */}
      <p class="status-line" role="status" aria-live="polite">{panel.announcement}</p>
    </div>
  );
}
