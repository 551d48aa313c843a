import { browser } from 'wxt/browser';
import { panelMarkup } from '@/entrypoints/panel/panel-markup';
import type { PanelStart } from '@/lib/messaging/views';
import { DEFAULT_PANEL_LAYOUT, panelLayoutKey, sanitizeLayout, type PanelLayout } from '@/lib/panel-layout/layout';
import { panelStartScript } from '@/lib/panel-document/start-script';
import type { PanelContexts } from './panel-contexts';
import type { SettingsCache } from './settings-cache';

const PANEL_PATH = '/panel.html';
const APP_ROOT = '<div id="app"></div>';
/**
 * How long the document waits for the page's first detection before it is finished without a start.
 * The frame is hidden until a detection names someone, and the page's load event waits for the frame.
 */
const DOCUMENT_WAIT_MS = 1000;

/** The parts of the worker's scope used here; the extension's TypeScript setup has no WebWorker lib. */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface InstallEvent extends ExtendableEvent {
  /** The Service Worker Static Routing API (Chrome 123+). */
  addRoutes?(rules: unknown[]): Promise<void>;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

interface Template {
  html: string;
  /** Where the app's root is, or -1 when the file has none (it is then served as it is). */
  appRootAt: number;
  headers: Headers;
}

let template: Promise<Template> | undefined;

function panelTemplate(): Promise<Template> {
  template ??= fetch(browser.runtime.getURL(PANEL_PATH)).then(async (response) => {
    // The extension's page policy applies to a document its worker serves too; it is kept explicit here.
    const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
    const policy = response.headers.get('Content-Security-Policy');
    if (policy) headers.set('Content-Security-Policy', policy);
    const html = await response.text();
    return { html, appRootAt: html.indexOf(APP_ROOT), headers };
  });
  template.catch(() => (template = undefined));
  return template;
}

/** `promise`'s value, or null if it has not settled by `deadline` (epoch ms). */
function byDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function layoutOn(pageHost: string | null): Promise<PanelLayout> {
  if (!pageHost) return DEFAULT_PANEL_LAYOUT;
  const key = panelLayoutKey(pageHost);
  return sanitizeLayout((await browser.storage.local.get(key))[key] ?? DEFAULT_PANEL_LAYOUT);
}

async function panelStartFor(panels: PanelContexts, settingsCache: SettingsCache, nonce: string, deadline: number): Promise<PanelStart | null> {
  // The settings and the layout are read while the page is still being read, not after it reports.
  // The panel reads its settings again once it runs (useSettings).
  const settings = settingsCache.forDisplay();
  const layout = panels.pageHostOf(nonce, deadline).then(layoutOn);
  const context = await panels.forDocument(nonce, deadline);
  const [loadedSettings, loadedLayout] = await Promise.all([settings, layout]);
  return context ? { context, settings: loadedSettings, layout: loadedLayout } : null;
}

/** The app's root holding the panel's first render and its start, or empty when there is no start. */
export function panelAppRoot(start: PanelStart | null, nonce: string): string {
  return start ? `${panelStartScript(start)}<div id="app">${panelMarkup(start, nonce)}</div>` : APP_ROOT;
}

/**
 * The frame's document, streamed: its head at once, so the styles and the script load while the
 * page is read, then the app's root with the first render once the page's detection arrives.
 */
async function panelDocument(panels: PanelContexts, settings: SettingsCache, nonce: string): Promise<Response> {
  const deadline = Date.now() + DOCUMENT_WAIT_MS;
  const { html, appRootAt, headers } = await panelTemplate();
  if (appRootAt < 0) return new Response(html, { headers });
  const [before, after] = [html.slice(0, appRootAt), html.slice(appRootAt + APP_ROOT.length)];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(before));
      // Nothing may hold the document past its deadline: the page's load event waits for it. (Right
      // after the extension is installed, the worker's storage reads were seen to wait until it ended.)
      void byDeadline(panelStartFor(panels, settings, nonce, deadline), deadline)
        .then((start) => panelAppRoot(start, nonce))
        .catch((error: unknown) => {
          console.warn('Deskside served its panel without a first render; the panel renders itself.', error);
          return APP_ROOT;
        })
        .then((root) => {
          controller.enqueue(encoder.encode(root + after));
          controller.close();
        });
    },
  });
  return new Response(body, { headers });
}

/**
 * Serves the panel frame's document from the worker, so the requester's cached card is in the
 * document itself and shows without waiting for the panel's script. Only that navigation reaches
 * the worker: static routes send every other request of the extension straight to its files.
 */
export function servePanelDocuments(panels: PanelContexts, settings: SettingsCache): void {
  // Firefox runs the background as an event page, which has no fetch events; its build leaves this out.
  if (import.meta.env.FIREFOX || !('ServiceWorkerGlobalScope' in globalThis)) return;
  self.addEventListener('install', (event) => {
    const install = event as InstallEvent;
    if (!install.addRoutes) return;
    const rules = [
      { condition: { not: { requestMode: 'navigate' } }, source: 'network' },
      { condition: { not: { urlPattern: { pathname: PANEL_PATH } } }, source: 'network' },
    ];
    install.waitUntil(install.addRoutes(rules).catch((error: unknown) => console.warn('Deskside could not add its service-worker routes.', error)));
  });
  self.addEventListener('fetch', (event) => {
    const fetchEvent = event as FetchEvent;
    const url = new URL(fetchEvent.request.url);
    if (fetchEvent.request.mode !== 'navigate' || url.pathname !== PANEL_PATH) return;
    fetchEvent.respondWith(panelDocument(panels, settings, url.hash.slice(1)).catch(() => fetch(browser.runtime.getURL(PANEL_PATH))));
  });
}
