import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, EXTENSION_DIR, findChromium } from './chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  extensionUrl: (page: string) => string;
  close: () => Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension loaded, in a fresh profile, or in `profile`
 * (a browser started again on it), which is then kept on close.
 */
export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, profile }: { headless?: boolean; extensionDir?: string; profile?: string } = {}): Promise<ExtensionBrowser> {
  const userDataDir = profile ?? mkdtempSync(path.join(os.tmpdir(), 'deskside-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: false, // the headless flag is passed explicitly: --headless=new keeps extensions working
    args: chromiumArgs(extensionDir, { headless }),
    viewport: { width: 1440, height: 900 },
  });
  const serviceWorker = async () => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? context.waitForEvent('serviceworker', { timeout: 60_000 });
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      if (!profile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a message to the background in @webext-core/messaging's format from an extension page. */
export async function sendFromExtensionPage<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([t, d]) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) =>
        (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage({ id: Date.now(), type: t, data: d, timestamp: Date.now() }, resolve),
      ),
    [type, data] as const,
  );
  if (reply?.err) throw new Error(reply.err.message ?? 'background error');
  return reply?.res as T;
}
