/** A labelled form field with its hint and error, wired for screen readers. */
import type { ComponentChildren, VNode } from 'preact';
import { cloneElement, toChildArray } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
  /** Shown right of the label, e.g. a character counter. */
  aside?: ComponentChildren;
}

export function Field({ label, error, hint, children, aside }: Props) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const control = toChildArray(children)[0] as VNode<Record<string, unknown>>;
  return (
    <div class={`field ${error ? 'invalid' : ''}`}>
      <div class="field-label">
        <label for={id}>{label}</label>
        {aside}
      </div>
      {cloneElement(control, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
    </div>
  );
}
