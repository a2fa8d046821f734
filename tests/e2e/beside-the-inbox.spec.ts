// Journeys beside the agent's inbox: the sandbox serves fixture inboxes on localhost (an origin of its own,
// granted at install in the test build, since a headless browser's permission prompt cannot be clicked;
// tests/unit/inbox.test.ts covers the request path). The agent still chooses "Use with localhost:…".
import type { BrowserContext, Page } from '@playwright/test';
import { expect, INBOX_URL, test } from './fixtures';
import type { PanelPage } from './panel';

const SITE = new URL(INBOX_URL).host;

async function openInbox(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${INBOX_URL}/${path}`);
  return page;
}

/** "Use with ‹site›" in the panel: one click (the browser's prompt is pre-answered in the test build). */
async function useSite(panel: PanelPage) {
  await panel.page.getByRole('button', { name: `Use with ${SITE}` }).click();
  await expect(panel.page.getByRole('region', { name: /This chat/ })).toBeVisible();
}

const card = (panel: PanelPage) => panel.page.getByRole('region', { name: /This chat/ });

test('grant the demo inbox, see the customer, and invite them to a group in 2 actions', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=1');
  await expect(panel.page.getByText(`Use the panel with ${SITE}?`)).toBeVisible();
  await useSite(panel);
  await expect(card(panel)).toContainText('Priya Sharma');
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+919876543210');

  await card(panel).getByRole('button', { name: 'Invite to…' }).click(); // 1
  await panel.page.getByRole('dialog', { name: 'Invite +919876543210 to' }).getByRole('button', { name: 'VIP Customers' }).click(); // 2
  await expect(card(panel)).toContainText('Invitation sent to +919876543210 for VIP Customers.');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  expect(vip.invitations).toEqual(['919876543210']);
  // Activity knows now: the card says so.
  await expect(card(panel)).toContainText('Invited to VIP Customers');
  await inbox.close();
});

test('insert a group link into a text area reply box in 2 actions, where the cursor was', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=2');
  await useSite(panel);
  await expect(card(panel)).toContainText('Rahul Verma');
  const reply = inbox.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Hello Rahul, here you go:  Thanks!');
  await reply.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(26, 26)); // after "go: "
  await panel.page.bringToFront(); // the panel takes the focus, as the side panel does

  await card(panel).getByRole('button', { name: 'Send invite link…' }).click(); // 1
  await panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" }).getByRole('button', { name: 'VIP Customers' }).click(); // 2
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await expect(reply).toHaveValue(`Hello Rahul, here you go: Join VIP Customers on WhatsApp: ${vip.inviteLink} Thanks!`);
  // Nothing was sent: the sandbox saw no write.
  expect((await store.log()).filter((r) => r.method !== 'GET')).toEqual([]);
});
