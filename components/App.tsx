/** The side panel: a header, the current screen, and one live region for results. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { usePanel } from './panel-context';
import { CreateGroup } from './CreateGroup';
import { GroupList } from './GroupList';
import { GroupView } from './GroupView';
import { Icon } from './Icon';
import { NumberHandoff } from './NumberHandoff';
import { ActivityLog } from './ActivityLog';
import { WaitingQueue } from './WaitingQueue';

export function App() {
  const panel = usePanel();
  const route = panel.route.value;
  return (
    <div class="panel">
      <header class="topbar">
        <h1>{i18n.t('extName')}</h1>
        <span class="spacer" />
        {route.name === 'list' && (
          <>
            <button type="button" class="small" onClick={panel.openActivity}>{i18n.t('activity.open')}</button>
            <button type="button" class="primary small" onClick={panel.create}><Icon name="plus" />{i18n.t('list.createGroup')}</button>
          </>
        )}
        <button type="button" class="icon" aria-label={i18n.t('common.settings')} title={i18n.t('common.settings')}
          onClick={() => void browser.runtime.openOptionsPage()}>
          <Icon name="settings" />
        </button>
      </header>
      {route.name === 'list' && <GroupList />}
      {route.name === 'group' && panel.current.value && <GroupView key={route.id} model={panel.current.value} />}
      {route.name === 'create' && <CreateGroup />}
      {route.name === 'handoff' && <NumberHandoff />}
      {route.name === 'waiting' && <WaitingQueue />}
      {route.name === 'activity' && <ActivityLog />}
      <p class="sr-only" role="status" aria-live="polite">{panel.announcement}</p>
    </div>
  );
}
