import type { RequestRecord } from '../../fake-okta/server';
import { startFakeOkta } from '../../fake-okta/server';
import { BENCH_TOKEN, connectTo, launchBenchBrowser, waitForSync } from '../browser';
import { atMost, info, round, type Metrics } from '../report';

const LIMIT_PER_MINUTE = 24;
const BUDGET_SHARE = 0.5; // the settings' default
const WINDOW_MS = 60_000;

/**
 * The earliest the recorded requests could all have been sent by a client that, like the sync,
 * sends them in this order and keeps to `share` of each bucket: each bucket allows
 * floor(limit × share) requests per 60 s window, and a window starts with the bucket's first
 * request after the previous one ended (as the fake counts). Network and processing take no time.
 */
export function rateLimitFloorMs(requests: RequestRecord[], limit: number, share: number): number {
  const allowance = Math.max(1, Math.floor(limit * share));
  const windows = new Map<string, { start: number; used: number }>();
  let t = 0;
  for (const request of requests) {
    const bucket = request.bucket ?? 'none';
    let window = windows.get(bucket);
    if (!window || t >= window.start + WINDOW_MS) window = { start: t, used: 0 };
    if (window.used >= allowance) {
      t = window.start + WINDOW_MS;
      window = { start: t, used: 0 };
    }
    window.used += 1;
    windows.set(bucket, window);
  }
  return t;
}

/** A full sync against a fake that enforces a low per-minute limit on every bucket. */
export async function rateLimitedBench(log: (line: string) => void): Promise<Metrics> {
  const okta = await startFakeOkta({ port: 0, users: 4_000, groups: 8, apps: 3, seed: 5, token: BENCH_TOKEN, rateLimit: LIMIT_PER_MINUTE });
  const browser = await launchBenchBrowser();
  try {
    const started = Date.now();
    log(`full sync of 4,000 users at ${LIMIT_PER_MINUTE} requests/min per bucket, share ${BUDGET_SHARE} (about a minute)…`);
    await connectTo(browser.page, okta);
    const { endedAt } = await waitForSync(browser.page, started, 10 * 60_000);
    const sync = okta.requests.filter((r) => r.path.startsWith('/api/v1/') && r.at >= started);
    const first = sync.find((r) => r.path === '/api/v1/users' && r.query.filter !== undefined);
    const fromFirst = sync.filter((r) => first && r.at >= first.at);
    const floorMs = rateLimitFloorMs(fromFirst, LIMIT_PER_MINUTE, BUDGET_SHARE);
    const wallMs = endedAt - (first?.at ?? started);
    return {
      'rate-limited full sync: wall time vs the limits floor': atMost(round(wallMs / floorMs, 3), 'ratio', 1.1, '≤ 1.10'),
      'rate-limited full sync: wall time': info(round(wallMs / 1000, 1), 's'),
      'rate-limited full sync: floor set by limits and share': info(round(floorMs / 1000, 1), 's'),
      'rate-limited full sync: requests': info(fromFirst.length, 'requests'),
      'rate-limited full sync: 429 answers': atMost(sync.filter((r) => r.status === 429).length, '429s', 0, '0'),
    };
  } finally {
    await browser.close();
    await okta.close();
  }
}
