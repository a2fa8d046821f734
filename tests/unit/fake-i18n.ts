/** WXT's fakeBrowser does not implement i18n.getMessage: give it the real English messages. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessage } from '../../dev/english-messages';

Object.assign(fakeBrowser.i18n, { getMessage: englishMessage, getUILanguage: () => 'en' });
