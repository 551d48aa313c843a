// @vitest-environment happy-dom
import { hydrate } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import PanelApp from '@/entrypoints/panel/PanelApp';
import { tabStateKey } from '@/lib/background/detections';
import { createPanelContexts } from '@/lib/background/panel-contexts';
import { panelAppRoot } from '@/lib/background/panel-document';
import type { BackgroundServices } from '@/lib/background/services';
import { createSettingsCache } from '@/lib/background/settings-cache';
import type { PanelStart } from '@/lib/messaging/views';
import { DEFAULT_PANEL_LAYOUT } from '@/lib/panel-layout/layout';
import { readPanelStart } from '@/lib/panel-document/start-script';
import { loadSettings } from '@/lib/settings/store';
import { syncedDirectory, ticketDetection } from '../background/panel-helpers';

const TAB = 7;
const NONCE = '5d0c9a1e-2b3f-4a6d-9e8c-7b6a5f4e3d2c';
const HOSTILE = '</script><script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"><!-- \u2028 & "quoted"';

/** The start the worker builds for a ticket naming `name` with an active user's email, over a synced directory. */
async function startFor(name: string) {
  const { user, directory } = await syncedDirectory();
  const panels = createPanelContexts({ directory, settings: createSettingsCache() } as unknown as Pick<BackgroundServices, 'directory' | 'settings'>);
  const detection = ticketDetection(user.profile.email, name);
  await panels.registered(TAB, 'acme.zendesk.com', NONCE);
  await panels.detected(TAB, 'acme.zendesk.com', detection);
  const context = await panels.forDocument(NONCE, Date.now() + 1000);
  if (!context) throw new Error('no context for a registered nonce');
  const start: PanelStart = { context, settings: await loadSettings(), layout: DEFAULT_PANEL_LAYOUT };
  return { start, user };
}

describe("the panel's first render, served in its document", () => {
  it('holds the cached card and the start it was rendered from, which the panel reads once and removes', async () => {
    const { start, user } = await startFor('Ticket Name');
    document.body.innerHTML = panelAppRoot(start, NONCE);
    const name = document.querySelector('[data-testid="user-name"]');
    expect(name?.textContent).toBe(`${user.profile.firstName} ${user.profile.lastName}`);
    expect(document.querySelector('[data-testid="status-badge"]')?.getAttribute('data-status')).toBe(user.status);
    expect(readPanelStart(document)).toEqual(start);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(readPanelStart(document)).toBeNull();
  });

  it('keeps a hostile name on the ticket as data: one inert script element, no markup of the page’s', async () => {
    const { start } = await startFor(HOSTILE);
    const root = panelAppRoot(start, NONCE);
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${root}</body>`, 'text/html');
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    expect(doc.querySelectorAll('img, [onerror]')).toHaveLength(0);
    expect(doc.querySelector('.ticket-person h2')?.textContent).toBe(HOSTILE);
    expect(readPanelStart(doc)?.context.detection?.people[0]?.name).toBe(HOSTILE);
  });

  it('is what the panel renders from the same start: hydrating keeps every node and makes the buttons work', async () => {
    const { start } = await startFor('Ticket Name');
    await fakeBrowser.storage.session.set({ [tabStateKey(TAB)]: { pageHost: 'acme.zendesk.com', detection: start.context.detection, panelNonce: NONCE } });
    const app = document.createElement('div');
    const root = new DOMParser().parseFromString(panelAppRoot(start, NONCE), 'text/html');
    app.innerHTML = root.querySelector('div')!.innerHTML;
    const served = app.innerHTML;
    const nameNode = app.querySelector('[data-testid="user-name"]');
    const unanswered = new Promise<never>(() => {});
    act(() => hydrate(<PanelApp nonce={NONCE} start={start} context={unanswered} />, app));
    expect(app.innerHTML).toBe(served);
    expect(app.querySelector('[data-testid="user-name"]')).toBe(nameNode);
    act(() => (app.querySelector('button[aria-label="Collapse Deskside panel"]') as HTMLButtonElement).click());
    expect(app.querySelector('[data-testid="user-name"]')).toBeNull();
    expect(app.querySelector('button.collapsed-tab')?.textContent).toBe('Deskside');
  });

  it('is left to the panel when there is no start: an empty root, and no start to read', () => {
    document.body.innerHTML = panelAppRoot(null, NONCE);
    expect(document.body.innerHTML).toBe('<div id="app"></div>');
    expect(readPanelStart(document)).toBeNull();
  });
});
