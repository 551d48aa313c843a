import type { UserSummary } from '@/lib/messaging/views';
import { openDirectory } from './db';
import { searchUsers, userSummaryOf } from './search';

/** The User Timing measure each search from an extension page records (DevTools' Performance panel, the bench). */
export const PAGE_SEARCH_MEASURE = 'deskside:search';

/**
 * Searches the local directory from an extension page. The directory database shares the
 * extension's origin, so the popup reads it itself instead of asking the worker: typing stays fast
 * while the worker is busy or asleep, and no credential or Okta call is involved.
 */
export async function searchFromPage(query: string): Promise<UserSummary[]> {
  const started = performance.now();
  const found = (await searchUsers(await openDirectory(), query)).map(userSummaryOf);
  performance.measure(PAGE_SEARCH_MEASURE, { start: started, detail: { query, results: found.length } });
  return found;
}

/** Opens the database ahead of the first keystroke. */
export function prepareSearch(): void {
  void openDirectory().catch(() => undefined);
}
