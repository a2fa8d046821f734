/** The group subject field: trimmed, 1–128 characters, with a counter; its error shows once the agent has tried. */
import { i18n } from '#i18n';
import type { Signal } from '@preact/signals';
import { checkSubject, SUBJECT_MAX } from '../utils/validation';
import { Field } from './Field';

interface Props {
  value: Signal<string>;
  /** True once the agent typed or tried to submit: errors show from then on. */
  touched: Signal<boolean>;
  hint?: string;
  autoFocus?: boolean;
}

export function SubjectField({ value, touched, hint, autoFocus }: Props) {
  const check = checkSubject(value.value);
  const length = [...value.value.trim()].length;
  return (
    <Field label={i18n.t('common.subject')} hint={hint} error={touched.value && !check.ok ? check.message : undefined}
      aside={<span class={`counter ${length > SUBJECT_MAX ? 'over' : ''}`} aria-hidden="true">{length}/{SUBJECT_MAX}</span>}>
      <input value={value} autoFocus={autoFocus} onInput={(e) => { value.value = e.currentTarget.value; touched.value = true; }} />
    </Field>
  );
}
