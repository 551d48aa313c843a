/** A pause in agents' reading this long lets the sync write its next page. */
export const READER_QUIET_MS = 800;
/** The longest one page's write waits for agents to pause. */
export const MAX_WAIT_PER_PAGE_MS = 5_000;
/**
 * Within any window this long the sync waits at most YIELD_BUDGET_MS for readers, so that steady
 * reading (or a page that keeps reporting detections) slows a sync down by two thirds at most and
 * never stops it.
 */
export const YIELD_WINDOW_MS = 30_000;
export const YIELD_BUDGET_MS = 20_000;

export interface ReaderActivityClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: ReaderActivityClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * IndexedDB serves one origin's databases one request after another, so a read issued while the
 * sync commits a page (100–250 ms for 200 users on two cores) waits for that commit, whichever
 * store it reads. The sync therefore writes in the pauses of agents' reading: `touch` marks a read
 * that an agent waits on (a search, a card, an action); `quiet` holds the next page's write until
 * readers have paused for READER_QUIET_MS, within the limits above.
 */
export function createReaderActivity(clock: ReaderActivityClock = realClock) {
  let lastRead = Number.NEGATIVE_INFINITY;
  /** [start, end] of recent waits, for the budget. */
  let waits: [number, number][] = [];
  let holding = false;

  const waitedWithin = (now: number): number => {
    waits = waits.filter(([, end]) => end > now - YIELD_WINDOW_MS);
    return waits.reduce((total, [start, end]) => total + end - Math.max(start, now - YIELD_WINDOW_MS), 0);
  };

  return {
    touch(): void {
      lastRead = clock.now();
    },
    /** Resolves once readers have paused, the page has waited its longest, the budget is spent, or `signal` aborts. */
    async quiet(signal?: AbortSignal): Promise<void> {
      const started = clock.now();
      const budgetLeft = YIELD_BUDGET_MS - waitedWithin(started);
      const deadline = started + Math.min(MAX_WAIT_PER_PAGE_MS, Math.max(0, budgetLeft));
      let now = started;
      try {
        while (!signal?.aborted && now < deadline && now - lastRead < READER_QUIET_MS) {
          holding = true;
          await clock.sleep(Math.min(lastRead + READER_QUIET_MS, deadline) - now);
          now = clock.now();
        }
      } finally {
        holding = false;
      }
      if (now > started) waits.push([started, now]);
    },
    /** Whether a page's write is being held for readers right now (the sync's status says so). */
    holding: (): boolean => holding,
  };
}
