/** A path segment that carries an id: it has a digit (`5521`, `INC0010023`, `PROJ-12`, a UUID). */
function isIdSegment(segment: string): boolean {
  return /\d/.test(segment) && /^[A-Za-z0-9_.~%-]+$/.test(segment);
}

function pathWithoutIds(path: string): string {
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? '*' : segment))
    .join('/');
}

/**
 * The URL pattern saved with a rule picked on a page: the page's path with every id-bearing segment
 * replaced by `*` (`/agent/conversations/5521` → `/agent/conversations/*`), so the rule applies to every
 * ticket of that kind. A query becomes `?**` (any query, where helpdesks like osTicket keep the id), and
 * a hash route (`#/tickets/12`) is treated like a path; any other hash becomes `#**`.
 * See url-pattern.ts for how these globs match.
 */
export function pickedUrlPattern(url: URL): string {
  const query = url.search ? '?**' : '';
  const hash = url.hash.startsWith('#/') ? `#${pathWithoutIds(url.hash.slice(1))}` : url.hash ? '#**' : '';
  return `${pathWithoutIds(url.pathname)}${query}${hash}`;
}
