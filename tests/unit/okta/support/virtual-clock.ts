import type { GovernorClock } from '@/lib/okta/governor';

export interface VirtualClock extends GovernorClock {
  /** Every duration the governor asked to sleep, in order. */
  sleeps: number[];
}

/**
 * A clock whose time only moves when someone sleeps: a sleep jumps time to its end (after letting
 * pending I/O run), so rate-limit windows pass instantly while the order of events is kept.
 * Servers in the same test read the same clock for their Date and X-Rate-Limit-Reset headers.
 */
export function virtualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0, 123)): VirtualClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      const target = time + Math.max(0, ms);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (signal?.aborted) throw signal.reason;
      if (target > time) time = target;
    },
  };
}
