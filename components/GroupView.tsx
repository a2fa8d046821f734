/** One group: who is waiting, the invite link, inviting, members, settings, template, delete. */
import { useEffect } from 'preact/hooks';
import { formatDate } from '../utils/time';
import { DeleteGroup } from './DeleteGroup';
import { ErrorNotice } from './ErrorNotice';
import { GroupSettings } from './GroupSettings';
import { Icon } from './Icon';
import { InviteLink } from './InviteLink';
import { InviteMembers } from './InviteMembers';
import { JoinRequests } from './JoinRequests';
import { Participants } from './Participants';
import { TemplateEditor } from './TemplateEditor';
import { usePanel } from './panel-context';

export function GroupView({ id }: { id: string }) {
  const panel = usePanel();
  const model = panel.groupModel(id);
  const cached = panel.groups.groups.value.find((g) => g.id === id);
  const group = model.group.value;

  useEffect(() => {
    if (model.gone.value) panel.back(`“${cached?.subject ?? 'That group'}” no longer exists on Zoko.`);
  }, [model.gone.value]);

  const subject = group?.subject ?? cached?.subject ?? '';
  return (
    <section class="group-view" aria-labelledby="group-title">
      <div class="group-head">
        <button type="button" class="icon" aria-label="Back to groups" title="Back to groups" onClick={() => panel.back()}>
          <Icon name="back" />
        </button>
        <div class="group-title">
          <h2 id="group-title">{subject}</h2>
          <p class="small-text muted">
            {group?.whatsappGroupId ?? cached?.whatsappGroupId}
            {group?.createdAt && ` · created ${formatDate(group.createdAt)}`}
            {group?.updatedAt && ` · updated ${formatDate(group.updatedAt)}`}
          </p>
        </div>
      </div>
      <ErrorNotice error={model.loadError.value} retryAt={model.retryAt.value} onRetry={() => void model.load()}
        onBack={() => panel.back()} />
      {model.readOnly.value && (
        <p class="notice warn" role="note">
          WhatsApp has suspended this group. You can look, but nothing can be changed until WhatsApp lifts the suspension.
        </p>
      )}
      {!group && !model.loadError.value && <div class="skeleton tall" aria-busy="true" aria-label="Loading group" />}
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
