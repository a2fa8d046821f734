import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import '../../assets/panel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
render(<OptionsForm />, document.getElementById('app')!);
