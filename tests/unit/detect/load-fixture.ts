import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchJson } from '@/lib/detect/adapter';
import { HELPDESK_FIXTURES, type HelpdeskFixture } from '../../fixtures/helpdesks/manifest';

const FIXTURES = join(process.cwd(), 'tests/fixtures/helpdesks');

export const AGENT_EMAIL = 'sam.taylor@example.com';

export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function fixtureJson(file: string): unknown {
  return JSON.parse(fixtureText(file));
}

export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The fixture entry for `page`, its parsed document (with same-origin frames attached) and its URL. */
export function loadFixture(page: string): { fixture: HelpdeskFixture; doc: Document; url: URL } {
  const fixture = HELPDESK_FIXTURES.find((f) => f.page === page);
  if (!fixture) throw new Error(`No fixture entry for ${page}`);
  const doc = parsePage(fixtureText(page));
  for (const [src, file] of Object.entries(fixture.frames ?? {})) {
    const frame = Array.from(doc.querySelectorAll('iframe')).find((f) => f.getAttribute('src') === src);
    if (frame) attachFrameDocument(frame, parsePage(fixtureText(file)));
  }
  return { fixture, doc, url: new URL(fixture.url) };
}

/** happy-dom does not load iframes: give one a parsed document as its same-origin contentDocument. */
export function attachFrameDocument(frame: Element, frameDoc: Document): void {
  Object.defineProperty(frame, 'contentDocument', { configurable: true, get: () => frameDoc });
}

/** A fake same-origin API answering with the fixture's JSON files, recording every path asked for. */
export function fixtureApi(fixture: HelpdeskFixture): FetchJson & { calls: { path: string; headers?: Record<string, string> }[] } {
  const calls: { path: string; headers?: Record<string, string> }[] = [];
  const fetchJson = async (path: string, init?: { headers?: Record<string, string> }) => {
    calls.push({ path, headers: init?.headers });
    const pathname = new URL(path, fixture.url).pathname;
    const file = fixture.api?.[pathname];
    if (!file) throw new Error(`404 ${pathname}`);
    return fixtureJson(file);
  };
  return Object.assign(fetchJson, { calls });
}

export const failingApi: FetchJson = async (path) => {
  throw new Error(`network down for ${path}`);
};
