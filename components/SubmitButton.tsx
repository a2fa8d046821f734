/** A form's main button: says what it does, and what it is doing while the request runs. */
interface Props {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
}

export function SubmitButton({ label, pendingLabel, pending, disabled }: Props) {
  return (
    <button type="submit" class="primary" disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </button>
  );
}
