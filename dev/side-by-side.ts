/** One picture of an inbox page with the panel at its right, as the browser shows them with a display. */
import type { BrowserContext, Page } from '@playwright/test';

export async function sideBySide(context: BrowserContext, inbox: Page, panel: Page, path: string) {
  const [a, b] = await Promise.all([inbox.screenshot({ scale: 'css' }), panel.screenshot({ scale: 'css' })]);
  const [left, right] = [inbox.viewportSize()!, panel.viewportSize()!];
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: left.width + right.width + 1, height: Math.max(left.height, right.height) });
  await canvas.setContent('<body style="margin:0;display:flex;background:#8c959f;gap:1px">'
    + `<img src="data:image/png;base64,${a.toString('base64')}"><img src="data:image/png;base64,${b.toString('base64')}"></body>`);
  await canvas.screenshot({ path, scale: 'css' });
  await canvas.close();
}
