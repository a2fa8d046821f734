// Journey: the agent removes someone from a group, after confirming.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('remove one participant after confirming', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Loyalty Club Gold')!;
  const target = g.participants.find((p) => !p.is_admin && p.status === 'joined')!;
  const joined = g.participants.filter((p) => p.status === 'joined').length;
  await panel.openGroup('Loyalty Club Gold');
  const people = panel.section('Participants');
  await expect(people).toContainText(`${joined} of 8`);
  await people.getByRole('listitem', { name: target.name }).first().getByRole('button', { name: 'Remove' }).click();
  const dialog = panel.dialog();
  await expect(dialog).toContainText(`Remove ${target.name}?`);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeHidden();
  await expect(people).toContainText(`${joined - 1} of 8`);
  const after = (await store.state()).groups.find((x) => x._id === g._id)!;
  expect(after.participants.find((p) => p.wa_id === target.wa_id)!.status).toBe('removed');
  const post = (await store.log()).find((r) => r.path.endsWith('/remove-participants'))!;
  expect(post.body).toEqual({ participants: [target.wa_id], agent_email: 'agent@store.test' });
});

test('remove several at once', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Support Team')!;
  const targets = g.participants.filter((p) => !p.is_admin && p.status === 'joined').slice(0, 2);
  await panel.openGroup('Support Team');
  const people = panel.section('Participants');
  for (const t of targets) await people.getByRole('checkbox', { name: `Select ${t.name}` }).first().check();
  await people.getByRole('button', { name: 'Remove selected' }).click();
  await expect(panel.dialog()).toContainText('Remove 2 participants?');
  await panel.dialog().getByRole('button', { name: 'Remove' }).click();
  await expect(people).toContainText('6 of 8');
});

test('export a group\'s participants as CSV: read back, it matches the group', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Support Team')!;
  await panel.openGroup('Support Team');
  const [download] = await Promise.all([
    panel.page.waitForEvent('download'),
    panel.section('Participants').getByRole('button', { name: 'Export CSV: Participants' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^support-team-participants-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.trimEnd().split('\r\n');
  expect(header).toBe('Name,Number or id,Status,Admin');
  expect(lines.map((l) => l.split(','))).toEqual(g.participants.map((p) => [p.name, `+${p.wa_id}`, p.status, p.is_admin ? 'yes' : 'no']));
});

test('copy a group\'s participants as text: one line each, ready to paste', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Support Team')!;
  await panel.openGroup('Support Team');
  await panel.section('Participants').getByRole('button', { name: 'Copy: Participants' }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: 'Participants copied as text' })).toBeAttached();
  const lines = (await panel.clipboard()).split('\n');
  expect(lines[0]).toBe('Name\tNumber or id\tStatus\tAdmin');
  expect(lines.slice(1)).toEqual(g.participants.map((p) => [p.name, `+${p.wa_id}`, p.status, p.is_admin ? 'yes' : 'no'].join('\t')));
});
