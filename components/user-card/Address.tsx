import { Fragment } from 'preact';

/**
 * An email address or login that wraps where a reader expects it to: before the `@` and before each
 * dot, not in the middle of a word (the cell's `overflow-wrap: anywhere` is only the last resort).
 */
export default function Address({ value, testId }: { value: string; testId: string }) {
  const parts = value.split(/(?=[@.])/);
  return (
    <span data-testid={testId}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
