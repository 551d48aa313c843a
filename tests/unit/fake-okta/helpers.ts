import { startFakeOkta, type FakeOkta, type FakeOktaOptions } from '../../fake-okta/server';

export const TOKEN = 'unit-token';

export function start(options: FakeOktaOptions = {}): Promise<FakeOkta> {
  return startFakeOkta({ users: 300, groups: 30, apps: 12, seed: 7, token: TOKEN, ...options });
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the fake with the SSWS token (or the given Authorization) and parses the JSON body. */
export async function api<T = any>(
  okta: FakeOkta,
  method: string,
  path: string,
  options: { body?: unknown; authorization?: string } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(path.startsWith('http') ? path : `${okta.url}${path}`, {
    method,
    headers: {
      Authorization: options.authorization ?? `SSWS ${TOKEN}`,
      Accept: 'application/json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers };
}

export function nextLink(headers: Headers): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1] ?? null;
}

/** Follows `rel="next"` links verbatim and returns every item and the page count. */
export async function collect<T = any>(okta: FakeOkta, path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let url: string | null = `${okta.url}${path}`;
  while (url) {
    const page: ApiResponse<T[]> = await api<T[]>(okta, 'GET', url);
    if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body);
    pages++;
    url = nextLink(page.headers);
  }
  return { items, pages };
}

export const q = (expression: string) => encodeURIComponent(expression);
