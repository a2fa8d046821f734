/** Create a group. A 200 opens it; a 202 shows "Creating…" on the list until the background sees it appear. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { createAction } from '../utils/models/action';
import { checkSubject } from '../utils/validation';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { ScreenHeader } from './ScreenHeader';
import { SubjectField } from './SubjectField';
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
      <ScreenHeader id="create-title" title={i18n.t('create.title')} onBack={() => panel.back()} />
      <form onSubmit={submit} noValidate class="card">
        <SubjectField value={subject} touched={touched} autoFocus hint={i18n.t('create.hint')} />
        <ErrorNotice error={create.error.value} />
        <SubmitButton pending={create.pending.value} label={i18n.t('create.submit')} pendingLabel={i18n.t('create.creating')} />
      </form>
    </section>
  );
}
