import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers, registerHandlers } from '../../utils/handlers';
import { createBackgroundClient } from '../../utils/zoko';

// Composition root: build the client, register every listener synchronously (MV3 wakes the worker for an
// event only if its listener was registered in the first turn), and nothing else.
export default defineBackground(() => {
  const client = createBackgroundClient();
  registerHandlers(createHandlers({ client }));
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
