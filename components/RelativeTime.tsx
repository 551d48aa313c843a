import { formatRelative } from '@/lib/format/relative-time';
import { useNow } from './hooks/useNow';

type RelativeTimeProps = {
  /** ISO timestamp, or null when Okta has none (e.g. never logged in). */
  value: string | null | undefined;
  /** What to show when there is no value. */
  never?: string;
};

/** "3 days ago", with the exact local time on hover and for screen readers via <time>. */
export default function RelativeTime({ value, never = 'never' }: RelativeTimeProps) {
  const now = useNow();
  if (!value) return <span class="muted">{never}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span class="muted">unknown</span>;
  const exact = date.toLocaleString();
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatRelative(date, now)}
    </time>
  );
}
