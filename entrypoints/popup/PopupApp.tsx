import { browser } from 'wxt/browser';
import SyncStatus from '@/components/SyncStatus';
import { useStatus } from '@/components/hooks/useStatus';

/** Quick lookup: who is this, in two keystrokes. */
export default function PopupApp() {
  const { status } = useStatus(2000);
  return (
    <div class="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Deskside</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      {status && !status.connected ? (
        <p class="alert info">
          Not connected to Okta yet.{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Connect in settings
          </button>
        </p>
      ) : null}
      <footer>
        <SyncStatus health={status?.sync ?? null} compact />
      </footer>
    </div>
  );
}
