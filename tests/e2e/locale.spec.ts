// A second locale renders in the browser: Chromium in Spanish shows the panel in Spanish (dates and ages too).
import { configureExtension } from '../../dev/extension-storage';
import { newStore } from '../../dev/sandbox/control';
import { launchExtension } from '../../dev/chromium';
import { AGENT, EXTENSION_DIR, expect, SANDBOX_URL, test } from './fixtures';

test('in a Spanish browser the panel speaks Spanish', async () => {
  const store = await newStore(SANDBOX_URL);
  const { context, worker, id } = await launchExtension(EXTENSION_DIR, {
    locale: 'es-ES', extraArgs: ['--lang=es'], viewport: { width: 360, height: 720 },
  });
  try {
    await configureExtension(worker, store.apiKey, AGENT);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', /^es/);
    await expect(page.getByRole('button', { name: 'Crear grupo' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Buscar grupos' })).toBeVisible();
    await expect(page.getByText('12 grupos')).toBeVisible();
    await page.getByRole('button', { name: /^VIP Customers/ }).click();
    await expect(page.getByRole('heading', { name: 'Solicitudes para unirse' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aprobar todas' })).toBeVisible();
    await expect(page.getByText(/hace 7 min/)).toBeVisible(); // "3 min ago" through Intl, in Spanish
    // Every status in Spanish, and the default country by its name, not its code.
    const members = page.locator('.card').filter({ has: page.getByRole('heading', { name: /^Participantes|^Miembros/ }) });
    await expect(members.getByText(/· unido$/).first()).toBeVisible();
    await expect(members.getByText(/· joined$/)).toHaveCount(0);
    await expect(page.getByText(/los números se leen como India\./)).toBeVisible();
    expect(await worker.evaluate(() => chrome.action.getTitle({}))).not.toBe('');
  } finally {
    await context.close();
  }
});
