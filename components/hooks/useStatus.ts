import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';
import type { ExtensionStatus } from '@/lib/messaging/views';

/** The background's status (connection, identity, sync health), polled while `pollMs` is set. */
export function useStatus(pollMs?: number) {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await sendMessage('getStatus');
      // An unchanged answer keeps the same object, so a poll at rest re-renders nothing.
      setStatus((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
    if (!pollMs) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [refresh, pollMs]);
  return { status, error, refresh };
}
