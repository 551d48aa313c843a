import { useState } from 'preact/hooks';
import SyncStatus from '@/components/SyncStatus';
import { useStatus } from '@/components/hooks/useStatus';
import { sendMessage } from '@/lib/messaging/channel';

/** Health of the local directory: progress, counts, the last run; Sync now and Clear local directory. */
export default function SyncHealthPanel() {
  const { status, refresh } = useStatus(1000);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const connected = Boolean(status?.connected);
  const running = Boolean(status?.sync?.running);

  const syncNow = async () => {
    setMessage(null);
    await sendMessage('syncNow', { mode: 'full' });
    await refresh();
  };
  const clear = async () => {
    setConfirmClear(false);
    try {
      await sendMessage('clearDirectory');
      setMessage({ kind: 'success', text: 'The local directory is empty. The next sync rebuilds it from Okta.' });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
    await refresh();
  };

  return (
    <div class="stack">
      <h3 id="sync-health-heading">Local directory</h3>
      <SyncStatus health={status?.sync ?? null} />
      <div class="row">
        <button type="button" class="primary" disabled={!connected || running} onClick={() => void syncNow()}>
          Sync now
        </button>
        {confirmClear ? (
          <>
            <span>Empty the local directory? Searches find no one until the next sync.</span>
            <button type="button" class="danger" onClick={() => void clear()}>
              Yes, clear it
            </button>
            <button type="button" onClick={() => setConfirmClear(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" disabled={running} onClick={() => setConfirmClear(true)}>
            Clear local directory
          </button>
        )}
      </div>
      <div aria-live="polite">{message ? <p class={`alert ${message.kind}`}>{message.text}</p> : null}</div>
    </div>
  );
}
