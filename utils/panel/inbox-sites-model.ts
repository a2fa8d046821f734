/** Settings → "Beside your inbox": the sites the panel works with, each one revocable, and the panel's offer. */
import { i18n } from '#i18n';
import { signal } from '@preact/signals';
import { describeError } from '../error-text';
import { siteName } from '../inbox';
import type { Port } from './port';

export function createInboxSitesModel(port: Port) {
  const sites = signal<string[]>([]);
  const offerHidden = signal(false);
  const status = signal<{ tone: 'ok' | 'error'; text: string } | null>(null);

  return {
    sites, offerHidden, status,
    async start() {
      port.watch('inboxSites', (v) => (sites.value = v));
      port.watch('inboxOfferHidden', (v) => (offerHidden.value = v));
      [sites.value, offerHidden.value] = await Promise.all([port.read('inboxSites'), port.read('inboxOfferHidden')]);
    },
    async forget(origin: string) {
      const r = await port.send('forgetSite', { origin });
      status.value = r.ok ? { tone: 'ok', text: i18n.t('options.inboxForgotten', [siteName(origin)]) } : { tone: 'error', text: describeError(r.error).text };
      if (r.ok) sites.value = r.data;
    },
    async setOffer(shown: boolean) {
      const r = await port.send('setInboxOffer', { hidden: !shown });
      if (r.ok) offerHidden.value = r.data;
    },
  };
}

export type InboxSitesModel = ReturnType<typeof createInboxSitesModel>;
