import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { chromiumArgs, EXTENSION_DIR, findChromium } from '../support/chromium';
import { sendFromExtensionPage } from '../support/extension';
import type { FakeOkta } from '../fake-okta/server';

export const BENCH_TOKEN = 'bench-token';

/** A raw DevTools connection to one target (the service worker), which Playwright does not offer. */
export class CdpTarget {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('DevTools connection closed'));
      this.pending.clear();
    });
  }

  static async open(url: string): Promise<CdpTarget> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpTarget(socket);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Evaluates an expression in the target and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
    return reply.result.value;
  }

  close(): void {
    this.socket.close();
  }
}

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  /** An extension page to send messages from (options.html). */
  page: Page;
  /** The extension's service worker over raw CDP. */
  worker: () => Promise<CdpTarget>;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension and a DevTools port, so the service worker can be reached over
 * CDP. A `profile` given is the caller's and is kept on close; otherwise a fresh one is made and removed.
 */
export async function launchBenchBrowser({ extensionDir = EXTENSION_DIR, profile }: { extensionDir?: string; profile?: string } = {}): Promise<BenchBrowser> {
  const userDataDir = profile ?? mkdtempSync(path.join(os.tmpdir(), 'deskside-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: false,
    args: [...chromiumArgs(extensionDir, { headless: true }), '--remote-debugging-port=0'],
    viewport: { width: 1440, height: 900 },
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions passed to page.evaluate need it defined.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const sw = existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate('globalThis.__name ??= (fn) => fn;');

  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  const port = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : null;
  if (!port) throw new Error(`Chromium wrote no DevToolsActivePort in ${userDataDir}`);
  let target: CdpTarget | null = null;
  const worker = async () => {
    if (target) return target;
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const found = list.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!found) throw new Error('The extension service worker is not among the DevTools targets.');
    target = await CdpTarget.open(found.webSocketDebuggerUrl);
    return target;
  };
  return {
    context,
    extensionId,
    page,
    worker,
    async close() {
      target?.close();
      await context.close();
      if (!profile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves the SSWS connection to `okta` through the background (as the options page does); this starts a full sync. */
export async function connectTo(page: Page, okta: FakeOkta): Promise<void> {
  const report = await sendFromExtensionPage<{ ok: boolean; error: { sentence: string } | null }>(page, 'saveConnection', {
    domain: okta.url,
    auth: { type: 'ssws', token: BENCH_TOKEN },
  });
  if (!report.ok) throw new Error(`Connecting to the fake Okta failed: ${report.error?.sentence}`);
}

/** Polls the service worker's JS heap every `intervalMs`; `stop()` returns the peak in bytes. */
export function pollHeap(target: CdpTarget, intervalMs = 250): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    target
      .send<{ usedSize: number }>('Runtime.getHeapUsage')
      .then((usage) => {
        peak = Math.max(peak, usage.usedSize);
      })
      .catch(() => undefined);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * Wraps IndexedDB in the service worker (through the debugger, without changing the extension) to
 * add up the wall time during which at least one readwrite transaction on a directory data store
 * is open — from its creation (the page's records are built inside it) to its `complete` — and to
 * count the records put into each store.
 */
export const INSTRUMENT_IDB_WRITES = `(() => {
  const stats = { busyMs: 0, open: 0, since: 0, puts: {} };
  globalThis.__benchIdb = stats;
  const data = new Set(['users', 'groups', 'apps', 'memberships', 'assignments']);
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    const tx = transaction.call(this, names, mode, options);
    const list = typeof names === 'string' ? [names] : [...names];
    if (mode === 'readwrite' && list.some((n) => data.has(n))) {
      if (stats.open++ === 0) stats.since = performance.now();
      const end = () => { if (--stats.open === 0) stats.busyMs += performance.now() - stats.since; };
      tx.addEventListener('complete', end);
      tx.addEventListener('abort', end);
    }
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (data.has(this.name) && this.transaction.mode === 'readwrite') stats.puts[this.name] = (stats.puts[this.name] || 0) + 1;
    return put.apply(this, args);
  };
  return true;
})()`;

export interface IdbWriteStats {
  busyMs: number;
  puts: Record<string, number>;
}

export interface SyncEnd {
  lastSuccessAt: string | null;
  lastError: { code: string | null; sentence: string; at: string } | null;
  running: boolean;
}

/**
 * Waits for the sync to end after `afterMs` (epoch ms); returns the health and when it ended (epoch
 * ms, the worker's publish time, so the polling interval does not blur it). Polls every 2 s:
 * getStatus counts the directory's records, and those reads contend with the sync's writes.
 */
export async function waitForSync(page: Page, afterMs: number, timeoutMs = 15 * 60_000): Promise<{ endedAt: number; health: SyncEnd }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await sendFromExtensionPage<{ sync: SyncEnd | null }>(page, 'getStatus').catch(() => null);
    const health = status?.sync;
    if (health && !health.running) {
      const success = health.lastSuccessAt ? Date.parse(health.lastSuccessAt) : 0;
      const failure = health.lastError ? Date.parse(health.lastError.at) : 0;
      if (success > afterMs) return { endedAt: success, health };
      if (failure > afterMs) throw new Error(`The sync failed: ${health.lastError?.sentence}`);
    }
    if (Date.now() > deadline) throw new Error(`No sync ended within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
