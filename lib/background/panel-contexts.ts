import type { Detection } from '@/lib/detect/types';
import type { PanelContext, UserCard } from '@/lib/messaging/views';
import { getTabState, updateTabState, type TabState } from './detections';
import type { BackgroundServices } from './services';
import { cachedUserCard } from './user-card';

/**
 * The content script creates its frame as soon as it has sent the nonce, so the frame can ask
 * before the registration is stored; it is given this long to arrive.
 */
const REGISTRATION_WAIT_MS = 2000;
/** A card read for a detection is handed to that tab's panel only this soon after; later it is read again. */
const FIRST_CARD_TTL_MS = 10_000;

/** Wakes everyone waiting, once; each wait gives up at its own deadline. */
class Wakeup {
  private readonly waiters = new Set<() => void>();

  /** Resolves at the next `wake()` or at `deadline` (epoch ms); `cancel` stops waiting. */
  next(deadline: number): { arrived: Promise<void>; cancel: () => void } {
    let cancel = () => {};
    const arrived = new Promise<void>((resolve) => {
      const timer = setTimeout(() => cancel(), Math.max(0, deadline - Date.now()));
      cancel = () => {
        clearTimeout(timer);
        this.waiters.delete(cancel);
        resolve();
      };
      this.waiters.add(cancel);
    });
    return { arrived, cancel };
  }

  wake(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** Re-checks `ready` at every wake-up until it gives a value or `deadline` passes (then null). */
async function waitFor<T>(wakeup: Wakeup, deadline: number, ready: () => Promise<T | null> | T | null): Promise<T | null> {
  for (;;) {
    // Waiting starts before the check, so a change made during the check still wakes it.
    const next = wakeup.next(deadline);
    const value = await ready();
    if (value !== null || Date.now() >= deadline) {
      next.cancel();
      return value;
    }
    await next.arrived;
  }
}

/** A tab's latest panel, as registered since this worker started; `detection` is undefined until the page reports. */
interface RegisteredPanel {
  nonce: string;
  pageHost: string;
  detection?: Detection | null;
}

export type PanelContexts = ReturnType<typeof createPanelContexts>;

/**
 * What a tab's panel frame is told when it starts: the tab, the page's host, the latest detection
 * and the first person's cached card. The frame proves itself with the nonce its content script
 * registered. The frame asks by message, checked against its own tab in storage.session; the
 * worker serving the frame's document (panel-document.ts) reads the same from memory, as soon as
 * the page reports, without waiting for storage.
 */
export function createPanelContexts(services: Pick<BackgroundServices, 'directory' | 'settings'>) {
  const stored = new Wakeup();
  const reported = new Wakeup();
  const panels = new Map<number, RegisteredPanel>();
  const tabOfNonce = new Map<string, number>();

  /**
   * The cached card of the first person of each tab's latest detection, read as the detection
   * arrives: the panel's frame usually asks for its context later, and need not wait for the read.
   */
  const firstCards = new Map<number, { email: string; at: number; card: Promise<UserCard | null> }>();
  function firstCardOf(tabId: number, email: string): Promise<UserCard | null> {
    const known = firstCards.get(tabId);
    if (known && known.email === email && Date.now() - known.at < FIRST_CARD_TTL_MS) return known.card;
    // Read as a detection arrives, before the panel asks: the agent is about to wait on it.
    services.directory.agentReading();
    const card = cachedUserCard(services, { email }).catch(() => null);
    firstCards.set(tabId, { email, at: Date.now(), card });
    return card;
  }

  function registeredPanel(nonce: string): { tabId: number; panel: RegisteredPanel } | null {
    const tabId = tabOfNonce.get(nonce);
    const panel = tabId === undefined ? undefined : panels.get(tabId);
    return tabId !== undefined && panel?.nonce === nonce ? { tabId, panel } : null;
  }

  async function contextOf(tabId: number, pageHost: string, detection: Detection | null): Promise<PanelContext> {
    const email = detection?.people[0]?.email;
    const card = email ? await firstCardOf(tabId, email) : null;
    return { tabId, pageHost, detection, firstCard: email && card ? { email, card } : null };
  }

  return {
    async registered(tabId: number, pageHost: string, nonce: string): Promise<void> {
      const previous = panels.get(tabId);
      if (previous) tabOfNonce.delete(previous.nonce);
      panels.set(tabId, { nonce, pageHost });
      tabOfNonce.set(nonce, tabId);
      reported.wake();
      await updateTabState(tabId, (state) => ({ pageHost, detection: state?.detection ?? null, panelNonce: nonce }));
      stored.wake();
    },

    async detected(tabId: number, pageHost: string, detection: Detection | null): Promise<void> {
      const email = detection?.people[0]?.email;
      if (email) void firstCardOf(tabId, email);
      else firstCards.delete(tabId);
      const panel = panels.get(tabId);
      if (panel) panel.detection = detection;
      reported.wake();
      await updateTabState(tabId, (state) => ({ pageHost, detection, panelNonce: state?.panelNonce ?? null }));
    },

    /** For the frame's message: its own tab's context, or null when the nonce is not that tab's panel's. */
    async forFrame(tabId: number, nonce: string): Promise<PanelContext | null> {
      const state = await waitFor<TabState>(stored, Date.now() + REGISTRATION_WAIT_MS, async () => {
        const state = await getTabState(tabId);
        return state?.panelNonce === nonce ? state : null;
      });
      // A page can embed panel.html itself; only the frame our content script created knows the nonce.
      if (!state) return null;
      const context = await contextOf(tabId, state.pageHost, state.detection);
      firstCards.delete(tabId);
      return context;
    },

    /**
     * For the frame's document, served before the frame runs any script: the context once the page
     * has reported its first detection since the registration, or with no detection at `deadline`.
     * Null when `nonce` was not registered by then.
     */
    async forDocument(nonce: string, deadline: number): Promise<PanelContext | null> {
      // The detection stored before the registration may be the tab's previous page's: this page's is awaited.
      await waitFor(reported, deadline, () => (registeredPanel(nonce)?.panel.detection !== undefined ? true : null));
      const found = registeredPanel(nonce);
      return found ? contextOf(found.tabId, found.panel.pageHost, found.panel.detection ?? null) : null;
    },

    /** The host of the page whose content script registered `nonce`, once it has (null if not by `deadline`). */
    pageHostOf(nonce: string, deadline: number): Promise<string | null> {
      return waitFor(reported, deadline, () => registeredPanel(nonce)?.panel.pageHost ?? null);
    },
  };
}
