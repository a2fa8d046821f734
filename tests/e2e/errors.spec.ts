// Journeys where Zoko fails: each failure becomes a sentence with a way forward, and nothing typed is lost.
import { getStored } from '../../dev/extension-storage';
import { expect, SANDBOX_URL, serviceWorker, test } from './fixtures';

test('401: the key was rejected → "Open settings"', async ({ panel, store }) => {
  await store.fault({ status: 401, message: 'Invalid API key', path: '', method: 'GET' });
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  const alert = panel.page.getByRole('alert');
  await expect(alert).toContainText('Zoko rejected the API key. Check it in the settings.');
  await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(panel.rows).toHaveCount(12); // the cached list stays usable
});

test('429 with Retry-After: the group view counts down and retries by itself', async ({ panel, store }) => {
  await store.fault({ status: 429, retryAfter: 6, metaCode: 131208, path: '/join-requests' });
  await panel.openGroup('VIP Customers').catch(() => undefined);
  const alert = panel.page.getByRole('alert');
  await expect(alert).toContainText('WhatsApp is limiting changes to this group right now.');
  await expect(alert).toContainText(/Retrying in \d s\./);
  await expect(alert).toBeHidden({ timeout: 12_000 });
  await expect(panel.section(/^Join requests/).getByRole('listitem')).toHaveCount(3);
});

test('429 on an invite (never retried): "Try again in 4 s" counts down, then says it can be tried again; what was typed stays', async ({ panel, store }) => {
  await store.fault({ status: 429, retryAfter: 4, method: 'POST', path: '/invitations' });
  await panel.openGroup('VIP Customers');
  await panel.page.getByLabel('Phone numbers').fill('+91 98111 22233');
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  const alert = panel.section('Invite members').getByRole('alert');
  await expect(alert).toContainText(/Try again in [34] s\./);
  await expect(alert).toContainText(/Try again in [12] s\./); // it counts
  await expect(alert).toContainText('Zoko is receiving too many requests. You can try again now.', { timeout: 8_000 });
  await expect(panel.page.getByLabel('Phone numbers')).toHaveValue('+91 98111 22233');
});

test('500 on a read is retried quietly; a persistent 500 says so and offers "Try again"', async ({ panel, store }) => {
  await store.fault({ status: 500, times: 1, method: 'GET' });
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.page.getByText('Updating…')).toBeHidden();
  await expect(panel.page.getByRole('alert')).toHaveCount(0);

  await store.fault({ status: 500, times: 3, method: 'GET' });
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  const alert = panel.page.getByRole('alert');
  await expect(alert).toContainText('Zoko had a problem on its side. Try again in a moment.');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
});

test('malformed response: a plain sentence, never a stack trace', async ({ panel, store }) => {
  await store.fault({ kind: 'malformed', method: 'GET' });
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  const alert = panel.page.getByRole('alert');
  await expect(alert).toContainText('Zoko sent an answer the extension does not understand.');
  await expect(panel.page.locator('body')).not.toContainText(/TypeError|at \w+ \(|undefined|\[object Object\]/);
});

test('timeout while creating: the subject stays, the POST went once, and a second create of it is refused', async ({ panel, store }) => {
  await store.fault({ kind: 'timeout', method: 'POST' });
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await panel.page.getByLabel('Subject').fill('Slow Network Group');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  // Zoko may still make it: the agent is told it is watched, and offered no "Try again" that could duplicate it.
  await expect(panel.page.getByRole('alert')).toContainText('Zoko did not confirm the group.', { timeout: 10_000 });
  await expect(panel.page.getByRole('alert').getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(panel.page.getByLabel('Subject')).toHaveValue('Slow Network Group');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByRole('alert')).toContainText('“Slow Network Group” is still being created.');
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('a group deleted elsewhere leaves the list with a word of why', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Beta Testers')!;
  await fetch(`${SANDBOX_URL}/v2/channels/whatsapp/cloud/group/${g._id}/delete`, {
    method: 'POST', headers: { apikey: store.apiKey },
  });
  await panel.page.getByRole('button', { name: /^Beta Testers/ }).click();
  await expect(panel.page.getByText('“Beta Testers” no longer exists on Zoko.')).toBeVisible();
  await expect(panel.row('Beta Testers')).toHaveCount(0);
});

test('503 with Retry-After: 600 → "Zoko asked us to wait; retrying at …", nothing sent meanwhile, "Try now" reads at once', async ({ panel, store }) => {
  const lists = async () => (await store.log()).filter((r) => r.method === 'GET' && r.path === '/');
  await store.fault({ status: 503, retryAfter: 600, method: 'GET', path: '/', exact: true });
  await store.clearLog();
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  const alert = panel.page.getByRole('alert');
  // The time in the agent's own clock, as the panel formats it: ten minutes from now.
  const at = await panel.page.evaluate(() => [0, 60_000].map((d) =>
    new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(Date.now() + 600_000 - d)));
  await expect(alert).toContainText(new RegExp(`^Zoko asked us to wait; retrying at (${at.join('|')})\\.`));
  await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(panel.rows).toHaveCount(12); // the cached list stays usable
  expect(await lists()).toHaveLength(1);
  // Refreshing while Zoko's wait is on sends nothing.
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(alert).toContainText('Zoko asked us to wait; retrying at');
  expect(await lists()).toHaveLength(1);
  await alert.getByRole('button', { name: 'Try now' }).click();
  await expect(alert).toBeHidden();
  expect((await lists()).map((r) => r.status)).toEqual([503, 200]);
});

test('Zoko answers slowly and the agent signs out meanwhile: the invite finishes at Zoko, and nothing of it is written after the wipe', async ({ panel, store, options, extContext }) => {
  await panel.openGroup('VIP Customers');
  await panel.page.getByLabel('Phone numbers').fill('+91 98123 45678');
  await store.latency(1_500);
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await options.page.reload(); // opened before the key was stored
  await options.signOut();
  const g = (await store.state()).groups.find((x) => x.subject === 'VIP Customers')!;
  await expect.poll(async () => (await store.state()).groups.find((x) => x._id === g._id)!.invitations, { timeout: 10_000 })
    .toContain('919812345678'); // Zoko did it
  await expect.poll(async () => (await store.log()).filter((r) => r.method === 'POST').every((r) => r.status > 0)).toBe(true);
  await panel.page.waitForTimeout(1_000); // whatever the invite would still write, it would have written by now
  const worker = await serviceWorker(extContext);
  // Was: an Activity entry "invite +919812345678, VIP Customers" written after the sign-out.
  expect(await getStored(worker, 'local', 'activity') ?? []).toEqual([]);
  expect(await getStored(worker, 'local', 'recentGroups') ?? []).toEqual([]);
  expect(await getStored(worker, 'local', 'groupCache')).toBeUndefined();
});
