import { useCallback, useEffect, useState } from 'preact/hooks';
import { watchSyncSignal } from '@/lib/directory/sync-signal';
import { sendMessage } from '@/lib/messaging/channel';
import type { ExtensionStatus } from '@/lib/messaging/views';

/**
 * The background's status (connection, identity, sync health). With `pollWhileSyncingMs` it stays
 * current: re-read when the worker signals a sync starting or ending, and every `pollWhileSyncingMs`
 * while one runs (for its progress) or after a read failed, but not polled at rest.
 */
export function useStatus(pollWhileSyncingMs?: number) {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await sendMessage('getStatus');
      // An unchanged answer keeps the same object, so a poll that finds nothing new re-renders nothing.
      setStatus((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  const polling = Boolean(status?.sync?.running) || error !== null;
  useEffect(() => {
    void refresh();
    if (!pollWhileSyncingMs) return;
    return watchSyncSignal(() => void refresh());
  }, [refresh, pollWhileSyncingMs]);
  useEffect(() => {
    if (!pollWhileSyncingMs || !polling) return;
    const timer = setInterval(() => void refresh(), pollWhileSyncingMs);
    return () => clearInterval(timer);
  }, [refresh, pollWhileSyncingMs, polling]);
  return { status, error, refresh };
}
