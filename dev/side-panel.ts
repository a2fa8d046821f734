/**
 * Opens the extension's real side panel, as the toolbar button does: Chrome exposes the click to DevTools
 * (`Extensions.triggerAction`, with --enable-unsafe-extension-debugging) on a browser-level session. Only a
 * browser with a display has a side panel to show; headless, the panel is opened as a tab instead.
 */
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

/** A free local port for Chromium's DevTools endpoint. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Chromium flags that let `openSidePanel` click the toolbar button over DevTools on `port`. */
export const sidePanelArgs = (port: number) => ['--enable-unsafe-extension-debugging', `--remote-debugging-port=${port}`];

/** Clicks the extension's toolbar button in the first tab showing `urlPrefix`: the side panel opens beside it. */
export async function openSidePanel(port: number, extensionId: string, urlPrefix: string): Promise<boolean> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never) as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url.startsWith(urlPrefix)) ?? targetInfos[0];
    if (!tab) return false;
    await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    return true;
  } catch {
    return false; // an older Chromium without the command: the agent clicks the button
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
