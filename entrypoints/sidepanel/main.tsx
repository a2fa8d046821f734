import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import { PanelContext } from '../../components/panel-context';
import { createPanel } from '../../utils/panel/panel';
import { createPort } from '../../utils/panel/port';
import '../../assets/panel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('extName');
const panel = createPanel(createPort());
render(
  <PanelContext.Provider value={panel}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
void panel.start();
