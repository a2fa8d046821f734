// The fault matrix in the panel: every operation the agent can start × every failure Zoko can produce.
// For each case: the right sentence (and way forward) or a quiet success, what the agent typed is still there,
// the panel is never blank, and a POST (or the link reset) reached Zoko exactly once.
import type { Locator, Page } from '@playwright/test';
import './node-i18n';
import { describeError } from '../../utils/error-text';
import { setStored } from '../../dev/extension-storage';
import type { ErrorData } from '../../utils/errors';
import { FAULT_CASES, OPS, type OpName } from '../fault-cases';
import { expect, serviceWorker, test } from './fixtures';
import type { PanelPage } from './panel';

const GROUP = 'VIP Customers';

interface UiOp {
  /** Brings the panel to the action, typing what the agent would type. */
  setup: (p: PanelPage) => Promise<void>;
  trigger: (p: PanelPage) => Promise<void>;
  /** The field the agent typed into and its value: it must survive an error. */
  typed?: (page: Page) => [Locator, string];
}

const openGroup = (p: PanelPage) => p.openGroup(GROUP);
const openSection = async (p: PanelPage, name: string) => {
  await openGroup(p);
  await p.page.getByText(name, { exact: true }).click();
};
const click = (name: string, scope?: (p: PanelPage) => Page | Locator) => async (p: PanelPage) =>
  (scope ? scope(p) : p.page).getByRole('button', { name, exact: true }).click();
const openRow = async (p: PanelPage) => p.page.getByRole('button', { name: new RegExp(`^${GROUP}`) }).click();

const UI: Record<OpName, UiOp> = {
  'create': {
    setup: async (p) => {
      await p.page.getByRole('button', { name: 'Create group' }).click();
      await p.page.getByLabel('Subject').fill('Matrix Group');
    },
    trigger: click('Create group', (p) => p.page.locator('form')),
    typed: (page) => [page.getByLabel('Subject'), 'Matrix Group'],
  },
  'list': { setup: async () => {}, trigger: click('Refresh') },
  'details': { setup: async () => {}, trigger: openRow },
  'join requests': { setup: async () => {}, trigger: openRow },
  'get link': { setup: async () => {}, trigger: openRow },
  'settings': {
    setup: async (p) => {
      await openSection(p, 'Settings');
      await p.page.getByLabel('Subject').fill('VIP Renamed');
    },
    trigger: click('Save'),
    typed: (page) => [page.getByLabel('Subject'), 'VIP Renamed'],
  },
  'delete': {
    setup: async (p) => {
      await openSection(p, 'Delete group');
      await p.page.getByRole('button', { name: 'Delete group…' }).click();
      await p.dialog().getByLabel('Type the group name to confirm').fill(GROUP);
    },
    trigger: click('Delete group', (p) => p.dialog()),
    typed: (page) => [page.getByRole('alertdialog').getByLabel('Type the group name to confirm'), GROUP],
  },
  'invite': {
    setup: async (p) => {
      await openGroup(p);
      await p.page.getByLabel('Phone numbers').fill('+91 98123 45678');
      await expect(p.page.locator('.preview')).toContainText('1 valid');
    },
    trigger: click('Invite'),
    typed: (page) => [page.getByLabel('Phone numbers'), '+91 98123 45678'],
  },
  'remove': {
    setup: async (p) => {
      await openGroup(p);
      await p.section('Participants').getByRole('button', { name: 'Remove', exact: true }).first().click();
    },
    trigger: click('Remove', (p) => p.dialog()),
  },
  'approve': { setup: openGroup, trigger: click('Approve all') },
  'reject': { setup: openGroup, trigger: click('Reject all') },
  'auto-approval': {
    setup: (p) => openSection(p, 'Settings'),
    trigger: async (p) => p.page.getByRole('switch', { name: 'Auto-approve join requests' }).click(),
  },
  'reset link': {
    setup: async (p) => {
      await openGroup(p);
      await p.page.getByRole('button', { name: 'Reset invite link' }).click();
    },
    trigger: click('Reset link', (p) => p.dialog()),
  },
  'get template': { setup: openGroup, trigger: async (p) => p.page.getByText('Invitation template', { exact: true }).click() },
  'set template': {
    setup: async (p) => {
      await openSection(p, 'Invitation template');
      await p.page.getByLabel('Template ID').fill('matrix_tpl');
    },
    trigger: click('Save template'),
    typed: (page) => [page.getByLabel('Template ID'), 'matrix_tpl'],
  },
};

/**
 * A write (POST or the link reset) whose failure leaves it unclear is checked by a re-read: here the fault
 * answered instead of Zoko, so nothing happened — except a creation, which may still appear and is watched,
 * and an invitation, which cannot be read back but is safe to repeat.
 */
function outcomeOf(name: OpName, kind: string): ErrorData['outcome'] {
  if (OPS[name].idempotent || !['timeout', 'network', 'server', 'unexpected'].includes(kind)) return undefined;
  return name === 'create' ? 'watching' : name === 'invite' ? 'safeToRepeat' : 'notDone';
}

/** The first sentence of what the agent is told: later ones (a countdown) may change while we look. */
const firstSentence = (text: string) => text.split(/(?<=\.) /)[0]!;

test.describe.configure({ mode: 'parallel' });

for (const name of Object.keys(OPS) as OpName[]) {
  test(`${name}: every fault`, async ({ panel, store, extContext }) => {
    test.setTimeout(150_000);
    const op = OPS[name];
    const ui = UI[name];
    const { groups } = await store.state();
    const id = groups.find((g) => g.subject === GROUP)!._id;
    for (const c of FAULT_CASES) {
      await test.step(c.name, async () => {
        const { page } = panel;
        await store.clearFaults();
        // A creation whose answer was lost stays watched (and refuses a second one): each case starts afresh.
        if (name === 'create') await setStored(await serviceWorker(extContext), 'local', { pendingCreations: [] });
        // A 429 of the case before pauses every call until its wait is over: each case starts unpaused.
        await setStored(await serviceWorker(extContext), 'session', { zokoPausedUntil: 0 });
        await page.reload();
        await expect(panel.rows.first()).toBeVisible();
        await ui.setup(panel);
        await store.clearLog();
        await store.fault({ ...c.fault, method: op.method, path: op.path(id), exact: op.exact, times: 5 });
        await ui.trigger(panel);

        const kind = c.expect(op);
        const sent = async () => (await store.log()).filter((r) => r.method === op.method
          && (op.exact ? r.path === op.path(id) : r.path.includes(op.path(id))));
        if (!op.idempotent) await expect.poll(async () => (await sent()).length, { message: 'a POST or the link reset reaches Zoko once' }).toBe(1);
        if (kind === 'ok') {
          // A 2xx whose body the API leaves open: success, whatever the body. Judged once the answer is in.
          await expect.poll(async () => (await sent()).some((r) => r.status > 0)).toBe(true);
          await page.waitForTimeout(300);
          await expect(page.getByRole('alert')).toHaveCount(0);
        } else if (kind === 'notFound' && name !== 'create' && name !== 'list') {
          // The group is gone: back to the list, saying so.
          await expect(page.getByText(`“${GROUP}” no longer exists on Zoko.`)).toBeVisible();
        } else if (c.pauses) {
          // Zoko asked us to wait ten minutes: said with the time it ends ("until" / "retrying at"), and "Try now".
          const alert = page.getByRole('alert').filter({ hasText: /^Zoko asked us to wait(;| until)/ }).first();
          await expect(alert).toBeVisible();
          await expect(alert.getByRole('button', { name: 'Try now' })).toBeVisible();
          if (ui.typed) {
            const [field, value] = ui.typed(page);
            await expect(field).toHaveValue(value);
          }
        } else {
          const { text } = describeError({ kind, status: c.status, message: `Injected ${c.status}`, retryAfterS: c.retryAfterS,
            outcome: outcomeOf(name, kind) });
          await expect(page.getByRole('alert').filter({ hasText: firstSentence(text) }).first()).toBeVisible();
          if (ui.typed) {
            const [field, value] = ui.typed(page);
            await expect(field).toHaveValue(value);
          }
          if (kind === 'auth') await expect(page.getByRole('button', { name: 'Open settings' }).first()).toBeVisible();
        }
        await expect(page.locator('.topbar')).toBeVisible(); // never a blank panel
        await expect(page.locator('body')).not.toContainText(/TypeError|\[object Object\]|at \w+ \(/);
        if (!op.idempotent) expect(await sent(), 'still once, after the panel has shown the outcome').toHaveLength(1);
        if (kind === 'ok') await store.reset(); // the fault answered instead of Zoko: put the store back as it was
      });
    }
  });
}
