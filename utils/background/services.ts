/** The background's services, built once over one Zoko client: what the entrypoint registers and tests drive. */
import { recordingActivity } from './activity';
import { createDirectInvite } from './direct-invite';
import { createHandlers } from './handlers';
import { createPendingCounts } from './pending-counts';
import { createCreationWatcher } from './pending-creations';
import { createPoller } from './poller';
import { requestBudget } from './request-budget';
import { zokoPause } from './zoko-pause';
import type { ZokoClient } from './zoko/client';

export function createServices(client: ZokoClient, now: () => number = Date.now) {
  const counts = createPendingCounts(now);
  const poller = createPoller({ client, counts, budget: requestBudget, pause: zokoPause, now });
  const creations = createCreationWatcher(client, now);
  const handlers = recordingActivity(createHandlers({ client, counts, creations, polling: poller, budget: requestBudget, pause: zokoPause }));
  return { client, counts, poller, creations, handlers, inviteDirectly: createDirectInvite(handlers) };
}

export type Services = ReturnType<typeof createServices>;
