import type { BrowserContext, Frame } from '@playwright/test';
import { HELPDESK_FIXTURES, type HelpdeskFixture } from '../fixtures/helpdesks/manifest';
import { readHelpdeskFixture } from './helpdesk-routes';

/** The manifest entry of a fixture page. */
export function helpdeskFixture(page: string): HelpdeskFixture {
  const found = HELPDESK_FIXTURES.find((f) => f.page === page);
  if (!found) throw new Error(`No helpdesk fixture ${page} in tests/fixtures/helpdesks/manifest.ts`);
  return found;
}

/**
 * Serves a helpdesk fixture at its real origin: the page at its URL, its frames at their src, its
 * API answers by pathname (query ignored, as the manifest says), `extra` bodies by pathname, and
 * 404 for anything else on that origin. Later calls for the same origin take precedence.
 */
export async function serveHelpdeskFixture(
  context: BrowserContext,
  fixture: HelpdeskFixture,
  extra: Record<string, { body: string; contentType?: string }> = {},
): Promise<void> {
  const page = new URL(fixture.url);
  await context.route(
    (url) => url.origin === page.origin,
    (route) => {
      const url = new URL(route.request().url());
      const html = 'text/html; charset=utf-8';
      const pathAndQuery = url.pathname + url.search;
      const added = extra[url.pathname];
      if (added) return route.fulfill({ status: 200, contentType: added.contentType ?? 'application/json', body: added.body });
      if (url.pathname === page.pathname) return route.fulfill({ status: 200, contentType: html, body: readHelpdeskFixture(fixture.page) });
      const frame = fixture.frames?.[pathAndQuery];
      if (frame) return route.fulfill({ status: 200, contentType: html, body: readHelpdeskFixture(frame) });
      const api = fixture.api?.[url.pathname];
      if (api) return route.fulfill({ status: 200, contentType: 'application/json', body: readHelpdeskFixture(api) });
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"not found"}' });
    },
  );
}

/**
 * Starts recording every text the panel shows (one entry per DOM change), so a test can check
 * what it showed on the way, not only where it ended.
 */
export async function recordPanelTexts(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __panelTexts: string[] }).__panelTexts = log;
    const take = () => {
      const text = document.body.innerText;
      if (log.at(-1) !== text) log.push(text);
    };
    take();
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function panelTexts(panel: Frame): Promise<string[]> {
  return panel.evaluate(() => (window as unknown as { __panelTexts: string[] }).__panelTexts);
}
