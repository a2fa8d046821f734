/**
 * Test code that runs in Node (not in the browser) imports product modules that speak through chrome.i18n,
 * e.g. to compute the sentence an agent should see. This stand-in gives them the English messages.
 * Import it first: @wxt-dev/browser reads `globalThis.chrome` when it loads.
 */
import { englishMessage } from '../../dev/english-messages';

(globalThis as { chrome?: unknown }).chrome ??= { i18n: { getMessage: englishMessage, getUILanguage: () => 'en' } };
