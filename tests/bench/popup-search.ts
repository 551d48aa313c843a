import type { Page } from '@playwright/test';
import { MEMORY_INDEX_MARK, PAGE_SEARCH_MEASURE, type PageSearchSource } from '../../lib/directory/page-search';

/** Search queries built from stored users: first-name prefixes, emails, logins and "first last". */
export async function searchQueries(page: Page, count: number): Promise<string[]> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('deskside-directory');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const users = await new Promise<{ profile: Record<string, string>; email: string; login: string }[]>((resolve, reject) => {
      const r = db.transaction('users').objectStore('users').getAll(undefined, 20_000);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    const queries: string[] = [];
    for (let i = 0; queries.length < n; i++) {
      const u = users[(i * 7919) % users.length]!;
      const first = u.profile.firstName ?? 'a';
      const last = u.profile.lastName ?? 'b';
      queries.push([first.slice(0, 3), u.email, u.login, `${first} ${last}`, `${first.slice(0, 2)} ${last.slice(0, 3)}`][i % 5]!);
    }
    return queries;
  }, count);
}

/**
 * Each query typed into the popup's search box; the time is the popup's own User Timing measure of
 * that search (IndexedDB read in the popup, ranking, summaries). A PerformanceObserver set up before
 * typing hands the measure over, so nothing polls the popup while it searches.
 */
export async function popupSearchLatencies(page: Page, queries: string[]): Promise<{ ms: number[]; hits: number; fromMemory: number }> {
  const box = page.getByRole('combobox', { name: 'Find a person in Okta' });
  const search = async (query: string) => {
    await box.fill('');
    await page.evaluate(
      ([name, q]) => {
        const slot = window as unknown as { __searched?: Promise<{ ms: number; results: number; source: PageSearchSource }> };
        slot.__searched = new Promise((resolve) => {
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.name === name && (e as PerformanceMeasure).detail?.query === q) as PerformanceMeasure | undefined;
            if (!entry) return;
            observer.disconnect();
            resolve({ ms: entry.duration, results: entry.detail.results as number, source: entry.detail.source as PageSearchSource });
          });
          observer.observe({ type: 'measure' });
        });
      },
      [PAGE_SEARCH_MEASURE, query.trim()] as const,
    );
    await box.fill(query);
    return page.evaluate(() => (window as unknown as { __searched: Promise<{ ms: number; results: number; source: PageSearchSource }> }).__searched);
  };
  for (const q of queries.slice(0, 10)) await search(q); // warm-up
  const ms: number[] = [];
  let hits = 0;
  let fromMemory = 0;
  for (const q of queries) {
    const { ms: duration, results, source } = await search(q);
    ms.push(duration);
    if (results > 0) hits += 1;
    if (source === 'memory') fromMemory += 1;
  }
  return { ms, hits, fromMemory };
}

/**
 * When the popup's in-memory index was ready (ms after the popup's navigation started) and the
 * popup's JS heap then. Until then its searches read IndexedDB.
 */
export async function memoryIndexReady(page: Page): Promise<{ atMs: number; heapBytes: number }> {
  return page.evaluate(
    (mark) =>
      new Promise<{ atMs: number; heapBytes: number }>((resolve) => {
        const check = () => {
          const entry = performance.getEntriesByName(mark)[0];
          const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
          if (entry) resolve({ atMs: entry.startTime, heapBytes: memory?.usedJSHeapSize ?? 0 });
          else setTimeout(check, 10);
        };
        check();
      }),
    MEMORY_INDEX_MARK,
  );
}
