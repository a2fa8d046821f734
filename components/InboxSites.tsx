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
        <ul class="items card">
          {sites.map((origin) => (
            <li key={origin} class="item row">
              <span class="name">{siteName(origin)}</span>
              <span class="spacer" />
              <button type="button" class="small danger" onClick={() => void model.forget(origin)}>
                {i18n.t('options.inboxForget', [siteName(origin)])}
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
