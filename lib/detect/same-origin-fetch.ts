import type { FetchJson } from './adapter';

const TIMEOUT_MS = 8000;
const MAX_BYTES = 2_000_000;

interface FirefoxContent {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/**
 * `fetchJson` for adapters: GETs a path on the page's own origin with the agent's session cookies.
 * In Firefox it uses `content.fetch`, which sends the request as the page does (Origin, Referer);
 * the content script's own `fetch` there is the extension's and the helpdesk may reject it.
 */
export function createSameOriginFetchJson(origin: string, signal?: AbortSignal): FetchJson {
  const firefoxContent = (globalThis as { content?: Partial<FirefoxContent> }).content;
  const pageFetch = typeof firefoxContent?.fetch === 'function'
    ? (input: string, init: RequestInit) => (firefoxContent as FirefoxContent).fetch(input, init)
    : (input: string, init: RequestInit) => fetch(input, init);

  return async (path, init) => {
    if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`Deskside only calls paths on the helpdesk's own origin, not "${path}".`);
    const url = new URL(path, origin);
    if (url.origin !== origin) throw new Error(`Deskside only calls the helpdesk's own origin ${origin}.`);
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const response = await pageFetch(url.href, {
      method: 'GET',
      credentials: 'include',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...init?.headers },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) throw new Error(`The helpdesk answered ${response.status} for ${url.pathname}; falling back to reading the page.`);
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new Error(`The helpdesk's answer for ${url.pathname} is too large to read.`);
    return JSON.parse(text) as unknown;
  };
}
