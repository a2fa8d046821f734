/** One group: who is waiting, the invite link, inviting, members, settings, template, delete. */
import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { formatDate } from '../utils/panel/time';
import { DeleteGroup } from './DeleteGroup';
import { ErrorNotice } from './ErrorNotice';
import { ScreenHeader } from './ScreenHeader';
import { GroupSettings } from './GroupSettings';
import { InviteLink } from './InviteLink';
import { InviteMembers } from './InviteMembers';
import { JoinRequests } from './JoinRequests';
import { Participants } from './Participants';
import { TemplateEditor } from './TemplateEditor';
import { usePanel } from './panel-context';

export function GroupView({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const { id } = model;
  const cached = panel.groups.groups.value.find((g) => g.id === id);
  const group = model.group.value;
  // Kept from the last render that knew it: a vanished group leaves the cache before we say its name.
  const known = useRef('');
  const subject = (known.current = group?.subject ?? cached?.subject ?? (known.current || model.subject));

  useEffect(() => {
    if (model.gone.value) panel.back(i18n.t('group.gone', [known.current || i18n.t('group.thatGroup')]));
  }, [model.gone.value]);

  return (
    <section class="group-view" aria-labelledby="group-title">
      <ScreenHeader id="group-title" title={subject} onBack={() => panel.back()}>
        {group?.whatsappGroupId ?? cached?.whatsappGroupId}
        {group?.createdAt && i18n.t('group.created', [formatDate(group.createdAt)])}
        {group?.updatedAt && i18n.t('group.updated', [formatDate(group.updatedAt)])}
      </ScreenHeader>
      <ErrorNotice error={model.loadError.value} retryAt={model.retryAt.value} onRetry={() => void model.load()}
        onBack={() => panel.back()} />
      {model.readOnly.value && (
        <p class="notice warn" role="note">
          {i18n.t('group.suspendedNote')}
        </p>
      )}
      {!group && !model.loadError.value && <div class="skeleton tall" aria-busy="true" aria-label={i18n.t('group.loading')} />}
      {group && (
        <>
          <JoinRequests model={model} />
          <InviteLink model={model} />
          {!model.readOnly.value && <InviteMembers model={model} />}
          <Participants model={model} />
          {!model.readOnly.value && (
            <>
              <GroupSettings model={model} />
              <TemplateEditor model={model} />
              <DeleteGroup model={model} />
            </>
          )}
        </>
      )}
    </section>
  );
}
