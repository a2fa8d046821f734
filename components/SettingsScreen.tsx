/**
 * The settings inside the panel, beside the inbox rather than in a new tab: the options page's own form and
 * models, with the way back to the groups. Loaded when first opened (not on the list's first paint).
 */
import { i18n } from '#i18n';
import { useEffect, useMemo } from 'preact/hooks';
import { createInboxSitesModel } from '../utils/panel/inbox-sites-model';
import { createOptionsModel } from '../utils/panel/options-model';
import { OptionsForm } from './OptionsForm';
import { usePanel } from './panel-context';
import { ScreenHeader } from './ScreenHeader';

export function SettingsScreen() {
  const panel = usePanel();
  const models = useMemo(() => ({ options: createOptionsModel(panel.port.send), sites: createInboxSitesModel(panel.port) }), []);
  useEffect(() => {
    void models.options.load();
    void models.sites.start();
  }, []);
  return (
    <section class="settings-screen" aria-labelledby="settings-title">
      <ScreenHeader id="settings-title" title={i18n.t('options.title')} onBack={() => panel.back()} />
      <OptionsForm model={models.options} sites={models.sites} inPanel />
    </section>
  );
}
