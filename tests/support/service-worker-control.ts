import type { Page } from '@playwright/test';

/**
 * Stops every service worker of the page's storage partition through the DevTools protocol, as
 * Chrome does to an idle or misbehaving worker. Called from an extension page, it stops the
 * extension's background; the next event (a message, an alarm) starts a fresh worker.
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}
