/** A screen's heading with the way back to the group list. */
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon';

interface Props {
  id: string;
  title: string;
  onBack: () => void;
  /** A line under the title (e.g. the group's WhatsApp id and dates). */
  children?: ComponentChildren;
}

export function ScreenHeader({ id, title, onBack, children }: Props) {
  const back = i18n.t('common.backToGroups');
  return (
    <div class="group-head">
      <button type="button" class="icon" aria-label={back} title={back} onClick={onBack}>
        <Icon name="back" />
      </button>
      <div class="group-title">
        <h2 id={id}>{title}</h2>
        {children && <p class="small-text muted">{children}</p>}
      </div>
    </div>
  );
}
