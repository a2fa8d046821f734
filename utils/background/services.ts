/** The background's services, built once over one Zoko client: what the entrypoint registers and tests drive. */
import { createDirectInvite } from './direct-invite';
import { createHandlers } from './handlers';
import { createPendingCounts } from './pending-counts';
import { createCreationWatcher } from './pending-creations';
import { budgetSetting, createPoller } from './poller';
import { createRequestBudget } from './request-budget';
import type { ZokoClient } from './zoko/client';

export function createServices(client: ZokoClient, now: () => number = Date.now) {
  const counts = createPendingCounts(now);
  const poller = createPoller({ client, counts, budget: createRequestBudget(budgetSetting), now });
  const creations = createCreationWatcher(client, now);
  const handlers = createHandlers({ client, counts, creations, polling: poller });
  return { client, counts, poller, creations, handlers, inviteDirectly: createDirectInvite(handlers) };
}

export type Services = ReturnType<typeof createServices>;
