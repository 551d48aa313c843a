import { urlMatchesPattern } from './url-pattern';

const STRICT_MATCH_PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;

/**
 * A strict WebExtension match-pattern test for trust decisions (which pages are helpdesks):
 * unlike custom-rule patterns, no globs, no "match everything", and `*` as scheme means http(s) only.
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const m = STRICT_MATCH_PATTERN.exec(pattern);
  if (!m) return false;
  const scheme = m[1];
  if (scheme === '*' ? url.protocol !== 'http:' && url.protocol !== 'https:' : url.protocol !== `${scheme}:`) return false;
  return urlMatchesPattern(pattern, url);
}

export function matchesAnyPattern(url: URL, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesPattern(url, p));
}

/** The match pattern covering every page of an origin (`https://help.acme.com` → `https://help.acme.com/*`). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
