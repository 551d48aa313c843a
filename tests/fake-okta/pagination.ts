import { OktaApiError, oktaErrors } from './errors';
import type { SortedList } from './sorted-list';

/** Cursor pagination: `after` is an opaque token naming the last key of the previous page. */

export function encodeCursor(key: string): string {
  return Buffer.from(`v1:${key}`).toString('base64url');
}

export function decodeCursor(after: string | null): string | null {
  if (after === null || after === '') return null;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  if (!text.startsWith('v1:')) throw new OktaApiError(400, 'E0000054', 'Invalid paging request.', [`after: ${after} is not a cursor this server issued`]);
  return text.slice(3);
}

export function parseLimit(raw: string | null, defaults: { default: number; max: number }): number {
  if (raw === null || raw === '') return defaults.default;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw oktaErrors.validation('limit', [`limit: ${raw} is not a positive integer`]);
  return Math.min(limit, defaults.max);
}

export interface Page<T> {
  items: T[];
  /** Key of the last item when more items follow, otherwise null. */
  nextKey: string | null;
}

/** Index of the first item after `afterKey` (the start when there is no cursor). */
export function indexAfter<T>(list: SortedList<T>, afterKey: string | null): number {
  return afterKey === null ? 0 : list.position(afterKey, true);
}

/**
 * Walks `list` from `startIndex`, keeping items that pass `accept`, until `limit` are collected;
 * work is proportional to the items visited, never to a sort of the list.
 */
export function pageOf<T>(list: SortedList<T>, startIndex: number, limit: number, accept: (item: T) => boolean = () => true): Page<T> {
  const items: T[] = [];
  let lastKey: string | null = null;
  for (let index = startIndex; index < list.size; index++) {
    const item = list.at(index) as T;
    if (!accept(item)) continue;
    if (items.length === limit) return { items, nextKey: lastKey };
    items.push(item);
    lastKey = list.keyAt(index) as string;
  }
  return { items, nextKey: null };
}

/** Pages an already materialised, ordered array by key. */
export function pageOfArray<T>(items: readonly T[], keyOf: (item: T) => string, afterKey: string | null, limit: number): Page<T> {
  const start = afterKey === null ? 0 : items.findIndex((item) => keyOf(item) > afterKey);
  if (start < 0) return { items: [], nextKey: null };
  const slice = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { items: slice, nextKey: more && slice.length > 0 ? keyOf(slice[slice.length - 1] as T) : null };
}
