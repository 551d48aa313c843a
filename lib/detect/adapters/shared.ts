// zod/mini is tree-shakable: API validation adds a few KB to the content script instead of all of zod.
import * as z from 'zod/mini';
import type { ApiContext } from '../adapter';
import { detectGeneric } from '../generic';
import type { DetectedPerson } from '../types';

/** Label-proximity reading of a known helpdesk's page region, for helpdesks without stable selectors. */
export function labelledPeople(root: Document | Element, nodeBudget = 8000): DetectedPerson[] {
  return detectGeneric(root, { nodeBudget, maxPeople: 5 })
    .people.filter((p) => p.role !== 'candidate')
    .map((p) => ({ ...p, source: 'dom' as const }));
}

/** Fetches and validates one API answer; null when the request fails or the shape is not the expected one. */
export async function getJson<T>(ctx: Pick<ApiContext, 'fetchJson'>, path: string, schema: z.ZodMiniType<T>, headers?: Record<string, string>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(await ctx.fetchJson(path, headers ? { headers } : undefined));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A numeric ticket id from the first capture group of `pattern` applied to the path. */
export function idFromPath(url: URL, pattern: RegExp): string | null {
  return pattern.exec(url.pathname)?.[1] ?? null;
}

/** A numeric query parameter, or null. */
export function numericParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value && /^\d{1,12}$/.test(value) ? value : null;
}

/**
 * An API id, numeric or string, as a string. The integer and length rules are checked in the
 * transform: zod's z.int() and z.maxLength() would bring its checks into the content script's
 * bundle, about 580 bytes gzipped of a 25 KB budget.
 */
export const id = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    if (typeof value === 'number' ? Number.isInteger(value) : value.length <= 64) return String(value);
    ctx.issues.push({ code: 'custom', message: 'Expected an integer or a string of at most 64 characters', input: value });
    return z.NEVER;
  }),
);
