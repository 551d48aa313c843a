import type { ComponentChildren } from 'preact';

type FieldProps = {
  id: string;
  label: string;
  hint?: ComponentChildren;
  /** A specific message shown under the field and tied to it with aria-describedby. */
  error?: string | null;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
};

/** A labelled form field with its hint and error announced to screen readers. */
export default function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? <span class="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? (
        <span class="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
