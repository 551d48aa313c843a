import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, findChromium } from '../support/chromium';
import { fixtureContentType, readHelpdeskFixture } from '../support/helpdesk-routes';
import { CdpTarget } from './browser';

/**
 * Ticket page loads timed as an agent's browser runs them: with no test driver attached. Playwright
 * attaches to every page and frame it sees, holds each new one until it has set it up (its init
 * scripts, its utility world) and serves routed pages over its own connection. Here Chromium runs
 * on its own, with a DevTools port that nothing uses while a load is timed; the helpdesk's pages
 * come from a local HTTPS server that Chromium reaches at their real host name, so the manifest's
 * match patterns apply; and the card counts as shown when the panel frame painted it (Element
 * Timing), not when it entered the frame's DOM.
 */

const MARKS_PATH = '/__deskside-bench/marks';

/** When the page's navigation started and when the panel's host was first shown (epoch ms). */
export interface PageMarks {
  start: number;
  shown: number;
}

/**
 * Put first in the page's head: reports the navigation start and the moment the panel's host is
 * shown, once, to the server that served the page (same origin, so it needs no permission).
 */
const PAGE_MARKS_SCRIPT = `<script>(() => {
  const shown = () => { const host = document.querySelector('deskside-panel'); return host !== null && !host.hidden; };
  new MutationObserver((_, observer) => {
    if (!shown()) return;
    observer.disconnect();
    const at = performance.timeOrigin + performance.now();
    fetch('${MARKS_PATH}?start=' + performance.timeOrigin + '&shown=' + at, { method: 'POST' });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
})();</script>`;

export interface HelpdeskServer {
  port: number;
  /** The marks of the next page load that reports; rejects after `ms`. */
  nextMarks(ms: number): Promise<PageMarks>;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate (Chromium is told to accept it). */
function selfSignedCertificate(host: string): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskside-bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', `/CN=${host}`], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error(`openssl could not make the bench's certificate for ${host} (apt-get install openssl): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves `routes` (URL → fixture, as serveHelpdesk takes them; one host) over HTTPS on 127.0.0.1,
 * with PAGE_MARKS_SCRIPT first in every HTML page's head.
 */
export async function startHelpdeskServer(routes: Record<string, string>): Promise<HelpdeskServer> {
  const hosts = new Set(Object.keys(routes).map((url) => new URL(url).host));
  if (hosts.size !== 1) throw new Error(`The bench's helpdesk server serves one host; these routes name ${[...hosts].join(', ')}.`);
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const [url, fixture] of Object.entries(routes)) {
    const { pathname, search } = new URL(url);
    const type = fixtureContentType(fixture);
    const body = type.startsWith('text/html') ? Buffer.from(readHelpdeskFixture(fixture).toString('utf8').replace('<head>', `<head>${PAGE_MARKS_SCRIPT}`)) : readHelpdeskFixture(fixture);
    files.set(pathname + search, { body, type });
  }
  let reported: ((marks: PageMarks) => void) | null = null;
  const server = https.createServer(selfSignedCertificate([...hosts][0]!), (request, response) => {
    const url = new URL(request.url ?? '/', 'https://bench.invalid');
    if (url.pathname === MARKS_PATH) {
      reported?.({ start: Number(url.searchParams.get('start')), shown: Number(url.searchParams.get('shown')) });
      response.writeHead(204).end();
      return;
    }
    const file = files.get(url.pathname + url.search);
    if (!file) response.writeHead(404).end();
    else response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    nextMarks(ms) {
      return new Promise<PageMarks>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The page did not show the panel within ${ms} ms.`)), ms);
        reported = (marks) => {
          clearTimeout(timer);
          reported = null;
          resolve(marks);
        };
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface DevToolsTarget {
  id: string;
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
  /** For a frame in its own process: the id of the tab it is in. */
  parentId?: string;
}

/** Removes a profile Chromium has just closed; its helper processes may still be writing to it for a moment. */
export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

export interface UnattachedChromium {
  /** Opens a tab at `url`; its id. */
  openTab(url: string): Promise<string>;
  /** Closes a target: a tab, or a service worker, which stops it. */
  closeTarget(id: string): Promise<void>;
  targets(): Promise<DevToolsTarget[]>;
  /** Attaches to `target` only for this one evaluation. */
  evaluate<T>(target: DevToolsTarget, expression: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension, started on `userDataDir` (a profile Playwright set up
 * and closed), resolving the helpdesk's `host` to 127.0.0.1:`port` (startHelpdeskServer).
 */
export async function launchUnattachedChromium({ extensionDir, userDataDir, host, port }: { extensionDir: string; userDataDir: string; host: string; port: number }): Promise<UnattachedChromium> {
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const args = [
    ...chromiumArgs(extensionDir, { headless: true }),
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    `--host-resolver-rules=MAP ${host} 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
    '--window-size=1440,900',
    'about:blank',
  ];
  const child = spawn(findChromium(), args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let waited = 0; !existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n')[0] === ''; waited += 50) {
    if (waited > 15_000 || child.exitCode !== null) throw new Error('Chromium started without Playwright wrote no DevToolsActivePort within 15 s.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const origin = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
  const devtools = async (pathname: string, method = 'GET') => {
    const response = await fetch(origin + pathname, { method });
    if (!response.ok) throw new Error(`DevTools ${pathname}: HTTP ${response.status}`);
    return response;
  };
  return {
    async openTab(url) {
      return ((await (await devtools(`/json/new?${url}`, 'PUT')).json()) as DevToolsTarget).id;
    },
    async closeTarget(id) {
      await devtools(`/json/close/${id}`);
    },
    async targets() {
      return (await (await devtools('/json/list')).json()) as DevToolsTarget[];
    },
    async evaluate<T>(target: DevToolsTarget, expression: string) {
      const frame = await CdpTarget.open(target.webSocketDebuggerUrl);
      try {
        return await frame.evaluate<T>(expression);
      } finally {
        frame.close();
      }
    },
    async close() {
      child.kill();
      await exited;
    },
  };
}
