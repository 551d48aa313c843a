import type { BrowserContext } from '@playwright/test';
import { builtContentScriptSize, CONTENT_SCRIPT_BUDGET_KB } from '../../support/content-script-size';
import { readHelpdeskFixture, serveHtml } from '../../support/helpdesk-routes';
import { launchBenchBrowser } from '../browser';
import { atMost, info, percentile, round, type Metrics } from '../report';

const LOADS = 7;
const DETECTIONS = 20;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  hitCount?: number;
  children?: number[];
}

/**
 * Main-thread CPU time the content script spends on a page: a CPU profile of the page's renderer
 * from before navigation until `settleMs` after load; every sample whose stack includes a frame of
 * the content script (its own code and what it calls) counts.
 */
async function contentScriptCpuMs(context: BrowserContext, url: string, extensionId: string, settleMs: number): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForTimeout(settleMs);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] } };
  await cdp.detach();
  await page.close();
  const script = `chrome-extension://${extensionId}/content-scripts/`;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inScript = new Map<number, boolean>();
  const attributed = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = Boolean(node?.callFrame.url.startsWith(script)) || (up !== undefined && attributed(up));
    inScript.set(id, result);
    return result;
  };
  const perSampleMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  return profile.samples.filter(attributed).length * perSampleMs;
}

/** Kayako's ticket markup, inserted 1 s after load; the page records when, and when Deskside's panel host is shown (it loads hidden on a ticket's URL). */
function lateTicketPage(): string {
  const fixture = readHelpdeskFixture('kayako/conversation.html').toString('utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixture)?.[1] ?? '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Kayako</title></head><body>
<template id="ticket">${body}</template>
<script>
  new MutationObserver(() => {
    const host = document.querySelector('deskside-panel');
    if (host && !host.hidden && window.__shownAt === undefined) window.__shownAt = performance.now();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  setTimeout(() => {
    window.__insertedAt = performance.now();
    document.body.append(document.getElementById('ticket').content.cloneNode(true));
  }, 1000);
</script></body></html>`;
}

/** Content script size, its main-thread time on a non-ticket page, and detection time after late ticket content. */
export async function contentScriptBench(log: (line: string) => void): Promise<Metrics> {
  const size = builtContentScriptSize();
  const browser = await launchBenchBrowser();
  try {
    const { context, extensionId } = browser;
    log('main-thread time on a non-ticket page…');
    const dashboard = '<!doctype html><html><head><title>Dashboard</title></head><body><h1>Views</h1><ul><li>Unassigned</li><li>Open</li></ul></body></html>';
    await serveHtml(context, 'https://acme.zendesk.com/agent/dashboard', dashboard);
    const cpu: number[] = [];
    for (let i = 0; i < LOADS; i++) cpu.push(await contentScriptCpuMs(context, 'https://acme.zendesk.com/agent/dashboard', extensionId, 1500));

    log('detection after the ticket content appears…');
    await serveHtml(context, 'https://acme.kayako.com/agent/conversations/31337', lateTicketPage());
    const detection: number[] = [];
    for (let i = 0; i < DETECTIONS + 1; i++) {
      const page = await context.newPage();
      await page.goto('https://acme.kayako.com/agent/conversations/31337');
      await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, undefined, { timeout: 15_000 });
      const { insertedAt, shownAt } = await page.evaluate(() => {
        const marks = window as unknown as { __insertedAt: number; __shownAt: number };
        return { insertedAt: marks.__insertedAt, shownAt: marks.__shownAt };
      });
      detection.push(shownAt - insertedAt); // the first, in a browser just started, also loads the panel's code
      await page.close();
    }
    const [cold = 0, ...warm] = detection;
    return {
      'content script size (gzip)': atMost(round(size.gzipped / 1024, 2), 'KB', CONTENT_SCRIPT_BUDGET_KB),
      'content script size (raw)': info(round(size.raw / 1024, 1), 'KB'),
      'content script main-thread time, non-ticket page (median)': info(round(percentile(cpu, 50), 2), 'ms'),
      'content script main-thread time, non-ticket page (max)': info(round(Math.max(...cpu), 2), 'ms'),
      'detection after ticket content appears p95 (DOM-only helpdesk)': atMost(round(percentile(warm, 95), 1), 'ms', 50),
      'detection after ticket content appears p50': info(round(percentile(warm, 50), 1), 'ms'),
      'detection after ticket content appears, first ticket after browser start': info(round(cold, 1), 'ms'),
    };
  } finally {
    await browser.close();
  }
}
