/**
 * URL patterns for custom rules. Either a WebExtension match pattern (`https://*.example.com/tickets/*`)
 * or a glob over the path, query and hash (`/tickets/*`, `/scp/tickets.php?id=*`); in globs `*` stays
 * within one path segment and `**` crosses segments.
 */
export function urlMatchesPattern(pattern: string, url: URL): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '' || trimmed === '*' || trimmed === '<all_urls>') return true;
  const match = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(trimmed);
  if (match) {
    const [, scheme, host, path] = match as unknown as [string, string, string, string];
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (!hostMatches(host, url.hostname)) return false;
    return wildcardRegExp(path, '.*').test(url.pathname + url.search + url.hash);
  }
  return globRegExp(trimmed).test(url.pathname + url.search + url.hash);
}

/** `example.com`, `*.example.com` (also the bare domain) or `*`. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const p = pattern.toLowerCase().replace(/:\d+$/, '');
  const h = hostname.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return h === p;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function wildcardRegExp(pattern: string, star: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join(star)}$`);
}

function globRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  // A glob without a leading slash or query matches anywhere after the origin.
  return new RegExp(`^${glob.startsWith('/') ? '' : '.*'}${body}$`);
}
