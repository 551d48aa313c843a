import type { UserSummary } from '@/lib/messaging/views';
import { openDirectory } from './db';
import { loadSearchIndex, type MemorySearchIndex } from './memory-search';
import { watchSearchChanges } from './search-parts';
import { searchUsers, userSummaryOf } from './search';

/** The User Timing measure each search from an extension page records (DevTools' Performance panel, the bench). */
export const PAGE_SEARCH_MEASURE = 'deskside:search';
/** Marked when the page's in-memory index is ready (the bench reads it). */
export const MEMORY_INDEX_MARK = 'deskside:search-index-ready';

/** Where a page's searches are answered: IndexedDB until the in-memory index is loaded. */
export type PageSearchSource = 'memory' | 'database';

let memoryIndex: MemorySearchIndex | null = null;
let loading: Promise<void> | null = null;
let reloadAfterLoading = false;

function loadMemoryIndex(): void {
  if (loading) {
    reloadAfterLoading = true;
    return;
  }
  loading = openDirectory()
    .then(loadSearchIndex)
    .then((index) => {
      memoryIndex = index;
      if (index) performance.mark(MEMORY_INDEX_MARK, { detail: { generation: index.generation } });
    })
    .catch((error: unknown) => console.warn('Deskside: searching the database directly; the in-memory index did not load.', error))
    .finally(() => {
      loading = null;
      if (reloadAfterLoading) {
        reloadAfterLoading = false;
        loadMemoryIndex();
      }
    });
}

/**
 * Searches the local directory from an extension page. The directory database shares the
 * extension's origin, so the popup reads it itself instead of asking the worker: typing stays fast
 * while the worker is busy or asleep, and no credential or Okta call is involved. Once the page has
 * loaded the in-memory index, no search waits for IndexedDB (whose reads also queue behind a
 * running sync's writes).
 */
export async function searchFromPage(query: string): Promise<UserSummary[]> {
  const started = performance.now();
  const index = memoryIndex;
  const found = index ? index.search(query) : (await searchUsers(await openDirectory(), query)).map(userSummaryOf);
  const source: PageSearchSource = index ? 'memory' : 'database';
  performance.measure(PAGE_SEARCH_MEASURE, { start: started, detail: { query, results: found.length, source } });
  return found;
}

/** Opens the database and loads the in-memory index ahead of the first keystroke, and reloads it when the worker changes the directory. */
export function prepareSearch(): () => void {
  void openDirectory().catch(() => undefined);
  loadMemoryIndex();
  return watchSearchChanges(loadMemoryIndex);
}
