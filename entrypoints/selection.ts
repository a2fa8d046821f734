/**
 * Run once in the clicked frame when the agent picks "Invite … to ‹group›" (the menu click grants `activeTab`):
 * returns what a person sees of the selection, so the background never invites a number the page hid.
 * Reads only; leaves nothing behind.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { seenSelection } from '../utils/content/selection-seen';

export default defineUnlistedScript(() => seenSelection(document));
