import { browser } from 'wxt/browser';

/** How long after "Pick requester on page" the tab may report its pick. */
export const PICKER_ARMED_MS = 2 * 60 * 1000;

interface Arming {
  expiresAt: number;
}

/**
 * In storage.session, like the tab state: survives a worker restart, unreadable by content scripts.
 * An entry left by a closed tab expires on its own and is gone when the browser closes.
 */
function armingKey(tabId: number): string {
  return `picker:${tabId}`;
}

const pendingTakes = new Map<number, Promise<boolean>>();

export async function armPickerForTab(tabId: number, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [armingKey(tabId)]: { expiresAt: now + PICKER_ARMED_MS } satisfies Arming });
}

export async function disarmPicker(tabId: number): Promise<void> {
  await browser.storage.session.remove(armingKey(tabId));
}

/**
 * Consumes the tab's arming: true once if it was armed and not expired, false otherwise. Takes run one
 * at a time per tab, so two reports arriving together cannot both be accepted.
 */
export function takePickerArming(tabId: number, now = Date.now()): Promise<boolean> {
  const previous = pendingTakes.get(tabId) ?? Promise.resolve(false);
  const next = previous.then(async () => {
    const key = armingKey(tabId);
    const arming = (await browser.storage.session.get(key))[key] as Arming | undefined;
    if (!arming) return false;
    await browser.storage.session.remove(key);
    return typeof arming.expiresAt === 'number' && now <= arming.expiresAt;
  });
  const settled = next.catch(() => false);
  pendingTakes.set(tabId, settled);
  void settled.then(() => {
    if (pendingTakes.get(tabId) === settled) pendingTakes.delete(tabId);
  });
  return next;
}

