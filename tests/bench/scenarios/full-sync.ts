import type { Page } from '@playwright/test';
import { startFakeOkta, type FakeOkta } from '../../fake-okta/server';
import { sendFromExtensionPage } from '../../support/extension';
import { BENCH_TOKEN, connectTo, INSTRUMENT_IDB_WRITES, launchBenchBrowser, pollHeap, waitForSync, type IdbWriteStats } from '../browser';
import { READER_QUIET_MS } from '../../../lib/directory/reader-activity';
import { rawPutThroughput } from '../idb-raw';
import { memoryIndexReady, popupSearchLatencies, searchQueries } from '../popup-search';
import { atLeast, atMost, info, percentile, round, type Metrics } from '../report';

const apiRequests = (okta: FakeOkta, since = 0) => okta.requests.filter((r) => r.path.startsWith('/api/v1/') && r.at >= since);

async function storageUsage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/** Message round trips of `searchDirectory` (the panel's and options' path) from an extension page, timed in the page. */
async function workerSearchLatencies(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const search = (query: string) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: 'searchDirectory', data: { query }, timestamp: Date.now() }, resolve));
    for (const q of list.slice(0, 10)) await search(q); // warm-up
    const ms: number[] = [];
    for (const q of list) {
      const started = performance.now();
      await search(q);
      ms.push(performance.now() - started);
    }
    return ms;
  }, queries);
}

async function incremental(page: Page, okta: FakeOkta): Promise<{ ms: number; requests: number }> {
  okta.resetRequestLog();
  const started = Date.now();
  await sendFromExtensionPage(page, 'syncNow', { mode: 'incremental' });
  const { endedAt } = await waitForSync(page, started);
  return { ms: endedAt - started, requests: apiRequests(okta).length };
}

/**
 * The 100k-user org at zero latency: full sync throughput against raw IndexedDB puts, wall time,
 * requests, worker heap, bytes per user; then popup search and incremental syncs on the result.
 */
export async function fullSyncBench(log: (line: string) => void): Promise<Metrics> {
  log('full sync: generating the 100k-user fake org…');
  const okta = await startFakeOkta({ port: 0, users: 100_000, groups: 2_000, apps: 100, seed: 1, token: BENCH_TOKEN });
  const browser = await launchBenchBrowser();
  try {
    const { page } = browser;
    const usageBefore = await storageUsage(page);
    const worker = await browser.worker();
    await worker.evaluate(INSTRUMENT_IDB_WRITES);
    const heap = pollHeap(worker);
    const started = Date.now();
    log('full sync: running…');
    await connectTo(page, okta);
    const { endedAt } = await waitForSync(page, started);
    const peakHeap = heap.stop();
    const firstSyncRequest = okta.requests.find((r) => r.path === '/api/v1/users' && r.query.filter !== undefined)?.at ?? started;
    const wallMs = endedAt - firstSyncRequest;
    const requests = apiRequests(okta, firstSyncRequest).length;
    const writes = await worker.evaluate<IdbWriteStats>('globalThis.__benchIdb');
    const written = Object.values(writes.puts).reduce((a, b) => a + b, 0);
    log(`full sync: ${written} records in ${round(wallMs / 1000, 1)} s`);

    // Search and incremental syncs run on the synced directory before the raw-put comparison writes
    // (then deletes) a scratch database of the same size in the same origin, which the product never
    // does and whose clean-up would otherwise run under them.
    log('search: timing popup queries…');
    const queries = await searchQueries(page, 300);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const search = await popupSearchLatencies(popup, queries);
    const memoryIndex = await memoryIndexReady(popup);
    await popup.close();
    const viaWorker = await workerSearchLatencies(page, queries);

    log('incremental: no changes, then 1,000 changed users…');
    // The searches just made are agents' reading, which a sync's writes wait out (READER_QUIET_MS):
    // the incremental syncs are timed once reading has paused, as their own cost.
    await page.waitForTimeout(READER_QUIET_MS + 200);
    const idle = await incremental(page, okta);
    const changed = okta.org.users.filter((u) => u.status === 'ACTIVE').slice(0, 1000);
    for (const [i, u] of changed.entries()) okta.mutate({ op: 'updateUser', id: u.id, profile: { title: `Bench title ${i}` } });
    const thousand = await incremental(page, okta);
    const requestLimit = Math.ceil(1000 / 200) + idle.requests;

    log('full sync: timing raw puts…');
    const raw = await rawPutThroughput(page);
    const syncRate = written / (writes.busyMs / 1000);
    const rawRate = raw.records / (raw.ms / 1000);
    const usageAfter = await storageUsage(page);
    const users = raw.perStore.users ?? 0;
    const recordJson = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('deskside-directory');
        r.onsuccess = () => resolve(r.result);
      });
      const sample = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction('users').objectStore('users').getAll(undefined, 1000);
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return sample.reduce<number>((sum, u) => sum + new TextEncoder().encode(JSON.stringify(u)).length, 0) / sample.length;
    });

    return {
      'full sync 100k: storage throughput vs raw IndexedDB puts': atLeast(round(syncRate / rawRate, 3), 'ratio', 0.8, '≥ 0.8'),
      'full sync 100k: records/s while writing (sync)': info(Math.round(syncRate), 'records/s'),
      'full sync 100k: records/s raw puts, same records': info(Math.round(rawRate), 'records/s'),
      'full sync 100k: records written': info(written, 'records'),
      'full sync 100k: time in IndexedDB write transactions': info(round(writes.busyMs / 1000, 1), 's'),
      'full sync 100k: wall time': info(round(wallMs / 1000, 1), 's'),
      'full sync 100k: requests': info(requests, 'requests'),
      'service worker peak heap during 100k sync': atMost(round(peakHeap / 2 ** 20, 1), 'MB', 64),
      'bytes stored per user (storage estimate)': info(Math.round((usageAfter - usageBefore) / Math.max(1, users)), 'bytes'),
      'bytes per stored user record (JSON)': info(Math.round(recordJson), 'bytes'),
      'popup search p95 over 100k users (in the popup)': atMost(round(percentile(search.ms, 95), 2), 'ms', 5),
      'popup search p50 (in the popup)': info(round(percentile(search.ms, 50), 2), 'ms'),
      'search through the worker (message round trip, panel and options), p95': info(round(percentile(viaWorker, 95), 2), 'ms'),
      'search through the worker, p50': info(round(percentile(viaWorker, 50), 2), 'ms'),
      'popup search queries with hits': info(search.hits, `of ${queries.length}`),
      'popup search queries answered from the in-memory index (the rest read IndexedDB while it loaded)': info(search.fromMemory, `of ${queries.length}`),
      'popup: in-memory index of 100k users ready after opening': info(Math.round(memoryIndex.atMs), 'ms'),
      'popup JS heap with the index loaded': info(round(memoryIndex.heapBytes / 2 ** 20, 1), 'MB'),
      'incremental sync, 0 changes: time': atMost(idle.ms, 'ms', 1000),
      'incremental sync, 0 changes: requests': atMost(idle.requests, 'requests', 6, '≤ 6 (a handful)'),
      'incremental sync, 1,000 changed users: requests': atMost(thousand.requests, 'requests', requestLimit, `≤ ceil(k/200) + ${idle.requests} = ${requestLimit}`),
      'incremental sync, 1,000 changed users: time': info(thousand.ms, 'ms'),
    };
  } finally {
    await browser.close();
    await okta.close();
  }
}
