/** Create a group. A 200 opens it; a 202 shows "Creating…" on the list until the background sees it appear. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
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
  const create = panel.createGroup;
  const check = checkSubject(subject.value);

  function submit(e: Event) {
    e.preventDefault();
    touched.value = true;
    if (check.ok) void panel.submitCreate(check.value);
  }

  return (
    <section class="create" aria-labelledby="create-title">
      <ScreenHeader id="create-title" title={i18n.t('create.title')} onBack={() => panel.back()} />
      <form onSubmit={submit} noValidate class="card">
        <SubjectField value={subject} touched={touched} autoFocus hint={i18n.t('create.hint')} />
        <ErrorNotice error={create.error.value} onBack={() => panel.back()} />
        <SubmitButton pending={create.pending.value} label={i18n.t('create.submit')} pendingLabel={i18n.t('create.creating')} />
      </form>
    </section>
  );
}
