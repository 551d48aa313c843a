import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import PersonLookup from '@/components/PersonLookup';
import SyncStatus from '@/components/SyncStatus';
import { useStatus } from '@/components/hooks/useStatus';
import { takePendingLookup, watchPendingLookup } from '@/lib/background/pending-lookup';
import UserSearch from './UserSearch';

/** Quick lookup: who is this, in two keystrokes. */
export default function PopupApp() {
  const { status } = useStatus(2000);
  const [query, setQuery] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const back = useRef<HTMLButtonElement>(null);
  // Focus moves to Back each time a card opens (the autofocus attribute works once per page only).
  useEffect(() => {
    if (userId) back.current?.focus();
  }, [userId]);

  // "Look up in Okta" from the context menu hands its query over through storage.session.
  useEffect(() => {
    const lookUp = (q: string) => {
      setUserId(null);
      setQuery(q);
    };
    void takePendingLookup().then((q) => q && lookUp(q));
    return watchPendingLookup(lookUp);
  }, []);

  const openSettings = () => void browser.runtime.openOptionsPage();
  return (
    <div class="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Deskside</h1>
        <button type="button" class="link" onClick={openSettings}>
          Settings
        </button>
      </header>
      {status && !status.connected ? (
        <p class="alert info">
          Not connected to Okta yet.{' '}
          <button type="button" class="link" onClick={openSettings}>
            Connect in settings
          </button>
        </p>
      ) : null}
      <main class="stack">
        {userId ? (
          <>
            <button type="button" class="back" ref={back} onClick={() => setUserId(null)}>
              ← Back to results
            </button>
            <PersonLookup target={{ userId }} onOpen={setUserId} source="popup" />
          </>
        ) : (
          <UserSearch query={query} onQuery={setQuery} onOpen={setUserId} />
        )}
      </main>
      <footer>
        <SyncStatus health={status?.sync ?? null} compact />
      </footer>
    </div>
  );
}
