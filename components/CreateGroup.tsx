/** Create a group. A 200 opens it; a 202 shows "Creating…" on the list until the background sees it appear. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { createAction } from '../utils/models/action';
import { checkSubject } from '../utils/validation';
import { ErrorNotice } from './ErrorNotice';
import { SubjectField } from './SubjectField';
import { Icon } from './Icon';
import { usePanel } from './panel-context';

export function CreateGroup() {
  const panel = usePanel();
  const subject = useSignal('');
  const touched = useSignal(false);
  const create = useSignal(createAction((s: string) => panel.transport('createGroup', { subject: s }))).value;
  const check = checkSubject(subject.value);

  async function submit(e: Event) {
    e.preventDefault();
    touched.value = true;
    if (!check.ok) return;
    const r = await create.run(check.value);
    if (!r) return; // error shown; the subject stays as typed
    if (r.status === 'created') {
      panel.announce(i18n.t('create.created', [r.subject]));
      panel.openGroup(r.id);
    } else {
      panel.back(i18n.t('create.pending', [r.subject]));
    }
  }

  return (
    <section class="create" aria-labelledby="create-title">
      <div class="group-head">
        <button type="button" class="icon" aria-label={i18n.t('common.backToGroups')} title={i18n.t('common.backToGroups')} onClick={() => panel.back()}>
          <Icon name="back" />
        </button>
        <h2 id="create-title">{i18n.t('create.title')}</h2>
      </div>
      <form onSubmit={submit} noValidate class="card">
        <SubjectField value={subject} touched={touched} autoFocus hint={i18n.t('create.hint')} />
        <ErrorNotice error={create.error.value} />
        <button type="submit" class="primary" disabled={create.pending.value}>
          {create.pending.value ? i18n.t('create.creating') : i18n.t('create.submit')}
        </button>
      </form>
    </section>
  );
}
