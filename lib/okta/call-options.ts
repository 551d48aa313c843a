import type { z } from 'zod';
import type { OktaClient, Page } from './client';
import type { Priority } from './governor';

export interface CallOptions {
  signal?: AbortSignal;
  priority?: Priority;
}

export interface ListOptions extends CallOptions {
  /** A `next` URL from an earlier page: fetched verbatim, every other filter option is ignored. */
  next?: string | null;
  limit?: number;
}

/** One path segment, encoded (ids are opaque; a login may hold `@`, `+` or `/`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** A string value inside an Okta filter/search expression: `"…"` with `\` and `"` escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The first page of `path` with `params`, or the page at `opts.next` when resuming. */
export function listPage<T>(
  client: OktaClient,
  path: string,
  schema: z.ZodType<T>,
  params: Record<string, string | number | undefined>,
  opts: ListOptions,
  defaultPriority: Priority,
): Promise<Page<T>> {
  const priority = opts.priority ?? defaultPriority;
  if (opts.next) return client.getPage(opts.next, schema, { priority, signal: opts.signal });
  const searchParams: Record<string, string | number> = {};
  const all: Record<string, string | number | undefined> = { ...params, limit: opts.limit };
  for (const [key, value] of Object.entries(all)) {
    if (value !== undefined && value !== '') searchParams[key] = value;
  }
  return client.getPage(path, schema, { searchParams, priority, signal: opts.signal });
}
