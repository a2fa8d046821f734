import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import { createOptionsModel } from '../../utils/panel/options-model';
import { createPort } from '../../utils/panel/port';
import { createInboxSitesModel } from '../../utils/panel/inbox-sites-model';
import '../../assets/panel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
const port = createPort();
const model = createOptionsModel(port.send);
const sites = createInboxSitesModel(port);
render(<OptionsForm model={model} sites={sites} />, document.getElementById('app')!);
void model.load();
void sites.start();
