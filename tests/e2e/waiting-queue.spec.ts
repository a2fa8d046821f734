// Journey: people wait in several groups; the agent clears everyone from one queue, without opening a group.
import { expect, test } from './fixtures';

test('clear a queue across 6 groups with "Approve all that fit", one group having fewer seats than requests', async ({ panel, store }) => {
  const eligible = (await store.state()).groups.filter((g) => !g.suspended && !g.auto_approval).slice(0, 6);
  expect(eligible).toHaveLength(6);
  for (const g of eligible) if (g.join_requests.length === 0) await store.addJoinRequest(g._id);
  // The tight group: more people waiting than free seats.
  const tight = eligible.find((g) => g.participants.filter((p) => p.status === 'joined').length >= 5)!;
  const seats = 8 - tight.participants.filter((p) => p.status === 'joined').length;
  while ((await store.state()).groups.find((g) => g._id === tight._id)!.join_requests.length <= seats) await store.addJoinRequest(tight._id);
  // Everyone waiting in the store is in the queue: the 6 groups above, and any other that collects requests.
  const waiting = (await store.state()).groups.filter((g) => !g.suspended && !g.auto_approval && g.join_requests.length > 0);
  expect(waiting.length).toBeGreaterThanOrEqual(6);
  const total = waiting.reduce((n, g) => n + g.join_requests.length, 0);
  const free = (g: (typeof waiting)[number]) => 8 - g.participants.filter((p) => p.status === 'joined').length;
  const withSeats = waiting.filter((g) => free(g) > 0);
  const tooMany = waiting.reduce((n, g) => n + Math.max(0, g.join_requests.length - free(g)), 0);
  const tightLeft = waiting.find((g) => g._id === tight._id)!.join_requests.length - seats;

  await panel.page.reload(); // the list's header now counts everyone
  await panel.firePollAlarm();
  await panel.page.getByRole('button', { name: /^\d+ waiting$/ }).click();
  await expect(panel.page.getByRole('heading', { level: 2, name: 'Waiting' })).toBeVisible();
  const list = panel.page.getByRole('list', { name: 'People waiting to join' });
  await expect(list.getByRole('listitem')).toHaveCount(total);

  await store.clearLog();
  await panel.page.getByRole('button', { name: 'Approve all that fit' }).click();
  const dialog = panel.dialog();
  await expect(dialog).toContainText(`Approve ${total - tooMany} people in ${withSeats.length} groups?`);
  await expect(dialog).toContainText(`${tooMany} cannot fit now`);
  await dialog.getByRole('button', { name: 'Approve' }).click();

  await expect(list.getByText('approved', { exact: true })).toHaveCount(total - tooMany);
  await expect(list.getByText('no seat', { exact: true })).toHaveCount(tooMany);
  // One request per group, and no group over 8.
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(withSeats.length);
  const after = await store.state();
  for (const g of after.groups.filter((x) => waiting.some((e) => e._id === x._id))) {
    expect(g.participants.filter((p) => p.status === 'joined').length).toBeLessThanOrEqual(8);
  }
  expect(after.groups.find((g) => g._id === tight._id)!.join_requests).toHaveLength(tightLeft);
  await panel.expectBadge(String(after.pendingTotal));
});

test('decide one person from the queue; the row says what happened', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => !x.suspended && !x.auto_approval && x.join_requests.length > 0)!;
  const person = g.join_requests[0]!;
  await panel.firePollAlarm(); // the list's header shows the queue once the badge has counted
  await panel.page.getByRole('button', { name: /^\d+ waiting$/ }).click();
  const row = panel.page.getByRole('list', { name: 'People waiting to join' }).getByRole('listitem', { name: person.name });
  await expect(row).toContainText(g.subject);
  await expect(row).toContainText(/waiting \d+/);
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(row).toContainText('rejected');
  expect((await store.state()).groups.find((x) => x._id === g._id)!.join_requests.some((r) => r.join_request_id === person.join_request_id)).toBe(false);
});
