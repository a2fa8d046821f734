/** Settings → "Beside your inbox": which sites the panel reads, each with "Stop using". */
import { i18n } from '#i18n';
import { siteName } from '../utils/inbox';
import type { InboxSitesModel } from '../utils/panel/inbox-sites-model';

export function InboxSites({ model }: { model: InboxSitesModel }) {
  const sites = model.sites.value;
  return (
    <section class="inbox-sites" aria-labelledby="inbox-sites-title">
      <h2 id="inbox-sites-title">{i18n.t('options.inboxTitle')}</h2>
      <p class="muted small-text">{i18n.t('options.inboxText')}</p>
      {sites.length === 0 ? (
        <p class="muted">{i18n.t('options.inboxNone')}</p>
      ) : (
        <ul class="items sites">
          {sites.map((origin) => (
            <li key={origin} class="item">
              <span class="name">{siteName(origin)}</span>
              {/* Named for its site (several rows), showing the short verb. */}
              <button type="button" class="small" aria-label={i18n.t('options.inboxForget', [siteName(origin)])}
                onClick={() => void model.forget(origin)}>
                {i18n.t('options.inboxStop')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="switch">
        <input type="checkbox" role="switch" checked={!model.offerHidden.value} onChange={(e) => void model.setOffer(e.currentTarget.checked)} />
        <span>{i18n.t('options.inboxOffer')}</span>
      </label>
      {model.status.value && <p role="status" class={`status ${model.status.value.tone}`}>{model.status.value.text}</p>}
    </section>
  );
}
