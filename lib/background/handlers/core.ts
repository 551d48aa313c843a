import { getTabState, updateTabState } from '../detections';
import type { HandlerContext, Handlers } from '@/lib/messaging/router';
import { RefusedMessageError } from '@/lib/messaging/router';
import type { BackgroundServices } from '../services';
import { cachedUserCard } from '../user-card';
import type { UserCard } from '@/lib/messaging/views';

export const PANEL_NOT_OURS = 'This panel was not opened by Deskside on this page, so it shows nothing.';
/**
 * The content script creates its frame as soon as it has sent the nonce, so the frame can ask
 * before the registration is stored; it is given this long to arrive.
 */
const REGISTRATION_WAIT_MS = 2000;
/** A card read for a detection is handed to that tab's panel only this soon after; later it is read again. */
const FIRST_CARD_TTL_MS = 10_000;

/** The tab of a message from a content script's top frame; helpdesk inner frames are read by the top frame. */
function topFrameTab(sender: HandlerContext['sender']): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) throw new RefusedMessageError('Refused: this message must come from a tab.');
  if (sender.frameId !== 0) throw new RefusedMessageError('Refused: only the top frame of a tab may send this.');
  return tabId;
}

export function coreHandlers(services: BackgroundServices): Pick<Handlers, 'reportDetection' | 'registerPanel' | 'getPanelContext' | 'getStatus'> {
  const registrationWaiters = new Map<number, Set<() => void>>();
  /** Resolves when `tabId` next registers a panel, or after REGISTRATION_WAIT_MS; `cancel` stops waiting. */
  function nextRegistration(tabId: number): { arrived: Promise<void>; cancel: () => void } {
    const waiters = registrationWaiters.get(tabId) ?? new Set<() => void>();
    registrationWaiters.set(tabId, waiters);
    let cancel = () => {};
    const arrived = new Promise<void>((resolve) => {
      const timer = setTimeout(() => cancel(), REGISTRATION_WAIT_MS);
      cancel = () => {
        clearTimeout(timer);
        waiters.delete(cancel);
        if (waiters.size === 0 && registrationWaiters.get(tabId) === waiters) registrationWaiters.delete(tabId);
        resolve();
      };
      waiters.add(cancel);
    });
    return { arrived, cancel };
  }

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
    const card = cachedUserCard(services.directory, { email }).catch(() => null);
    firstCards.set(tabId, { email, at: Date.now(), card });
    return card;
  }

  return {
    async reportDetection(detection, { sender }) {
      const tabId = topFrameTab(sender);
      const pageHost = new URL(sender.url!).host;
      const email = detection?.people[0]?.email;
      if (email) void firstCardOf(tabId, email);
      else firstCards.delete(tabId);
      await updateTabState(tabId, (state) => ({ pageHost, detection, panelNonce: state?.panelNonce ?? null }));
    },
    async registerPanel({ nonce }, { sender }) {
      const tabId = topFrameTab(sender);
      const pageHost = new URL(sender.url!).host;
      await updateTabState(tabId, (state) => ({ pageHost, detection: state?.detection ?? null, panelNonce: nonce }));
      for (const wake of [...(registrationWaiters.get(tabId) ?? [])]) wake();
    },
    async getPanelContext({ nonce }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new RefusedMessageError('Refused: the panel must sit in a tab.');
      // Waiting starts before the read, so a registration stored while reading still wakes it.
      const registration = nextRegistration(tabId);
      let state = await getTabState(tabId);
      if (state?.panelNonce !== nonce) {
        await registration.arrived;
        state = await getTabState(tabId);
      }
      registration.cancel();
      // A page can embed panel.html itself; only the frame our content script created knows the nonce.
      if (!state?.panelNonce || state.panelNonce !== nonce) throw new RefusedMessageError(PANEL_NOT_OURS);
      const email = state.detection?.people[0]?.email;
      const card = email ? await firstCardOf(tabId, email) : null;
      firstCards.delete(tabId);
      return { tabId, pageHost: state.pageHost, detection: state.detection, firstCard: email && card ? { email, card } : null };
    },
    getStatus: () => services.status(),
  };
}
