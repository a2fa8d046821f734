import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import { createOptionsModel } from '../../utils/panel/options-model';
import { messageTransport } from '../../utils/panel/port';
import '../../assets/panel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
const model = createOptionsModel(messageTransport);
render(<OptionsForm model={model} />, document.getElementById('app')!);
void model.load();
