/** The message around a group's link that "Send invite link…" puts in the reply box. */
import { i18n } from '#i18n';

/** The locale's message around a link, as a template the agent can edit. */
export const defaultLinkMessage = () => i18n.t('inbox.message', ['{group}', '{link}']);

/** The agent's message around a link: their own, or the locale's; `{group}` and `{link}` are filled in. */
export function linkMessage(template: string | undefined, group: string, link: string): string {
  const text = template?.includes('{link}') ? template : defaultLinkMessage();
  return text.replaceAll('{group}', group).replaceAll('{link}', link);
}
