// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_VALUE_REPLY, PAGE_VALUE_REQUEST } from '@/lib/detect/page-bridge-protocol';
import { createPageValueReader } from '@/lib/detect/page-value-client';
import { createSameOriginFetchJson } from '@/lib/detect/same-origin-fetch';

/** Stands in for entrypoints/page-bridge.ts in the MAIN world: answers with a fixed g_ck. */
function fakeBridge(value: unknown) {
  const listener = (event: Event) => {
    const { id } = JSON.parse((event as CustomEvent<string>).detail) as { id: string };
    window.dispatchEvent(new CustomEvent(PAGE_VALUE_REPLY, { detail: JSON.stringify({ id: 'someone-else', value: 'forged' }) }));
    window.dispatchEvent(new CustomEvent(PAGE_VALUE_REPLY, { detail: JSON.stringify({ id, value }) }));
  };
  window.addEventListener(PAGE_VALUE_REQUEST, listener);
  return () => window.removeEventListener(PAGE_VALUE_REQUEST, listener);
}

describe('page value reader', () => {
  let remove = () => {};
  afterEach(() => remove());

  it('gets g_ck from the MAIN-world bridge, ignoring replies to other requests', async () => {
    remove = fakeBridge('abc123');
    expect(await createPageValueReader(window)('g_ck')).toBe('abc123');
  });

  it('refuses names outside the whitelist without asking the page', async () => {
    const asked = vi.fn();
    window.addEventListener(PAGE_VALUE_REQUEST, asked);
    expect(await createPageValueReader(window)('document.cookie')).toBeNull();
    window.removeEventListener(PAGE_VALUE_REQUEST, asked);
    expect(asked).not.toHaveBeenCalled();
  });

  it('answers null when the page value is not a string', async () => {
    remove = fakeBridge({ toString: 'x' });
    expect(await createPageValueReader(window)('g_ck')).toBeNull();
  });
});

describe('same-origin fetchJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('GETs the path on the helpdesk origin with credentials and the extra headers', async () => {
    const fetchMock = vi.fn(async (_input: string, _init?: RequestInit) => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const fetchJson = createSameOriginFetchJson('https://acme.service-now.com');
    expect(await fetchJson('/api/now/table/incident/1', { headers: { 'X-UserToken': 't' } })).toEqual({ ok: true });
    const [input, init] = fetchMock.mock.calls[0]!;
    expect(input).toBe('https://acme.service-now.com/api/now/table/incident/1');
    expect(init).toMatchObject({ method: 'GET', credentials: 'include' });
    expect((init!.headers as Record<string, string>)['X-UserToken']).toBe('t');
  });

  it('uses Firefox content.fetch when present', async () => {
    const contentFetch = vi.fn(async () => new Response('[]'));
    vi.stubGlobal('content', { fetch: contentFetch });
    vi.stubGlobal('fetch', vi.fn());
    await createSameOriginFetchJson('https://acme.zendesk.com')('/api/v2/users/me.json');
    expect(contentFetch).toHaveBeenCalledOnce();
  });

  it('refuses other origins and protocol-relative paths', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const fetchJson = createSameOriginFetchJson('https://acme.zendesk.com');
    await expect(fetchJson('https://evil.example/x')).rejects.toThrow(/own origin/);
    await expect(fetchJson('//evil.example/x')).rejects.toThrow(/own origin/);
  });

  it('rejects a non-2xx answer with a sentence naming the status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('no', { status: 403 })));
    await expect(createSameOriginFetchJson('https://acme.zendesk.com')('/api/v2/tickets/1.json')).rejects.toThrow(/answered 403/);
  });
});
