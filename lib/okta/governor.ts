import { bucketKey } from './buckets';

export type Priority = 'interactive' | 'background';

export interface GovernorClock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface GovernorOptions {
  /** Share of each bucket's per-window limit that background work may use (0–1]. Default 0.5. */
  backgroundShare?: number;
  /** Requests in flight at once, all priorities. Default 8 (Okta's concurrency limit is 35–75). */
  maxInFlight?: number;
  /** Of those, slots background work may never take, so a click starts at once. Default 2. */
  interactiveReserve?: number;
  /**
   * While interactive requests are queued or in flight, and for this long after the last one, no
   * background request starts and background answers are held back from their callers: the
   * sync's page processing would otherwise share the worker's thread with the agent's action.
   * Default 250 ms, which spans the gaps between one action's calls.
   */
  interactiveGraceMs?: number;
  /** Retries of idempotent requests after 5xx or network failure. Default 4. */
  maxRetries?: number;
  /** Retries after 429 (always safe: a 429 was not executed). Default 8. */
  maxRateLimitRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Up to this much random delay is added after a window reset, so waiters do not stampede. */
  resetJitterMs?: number;
  clock?: GovernorClock;
  random?: () => number;
}

export interface GovernedRequest {
  method: string;
  url: string;
  priority: Priority;
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface GovernorStats {
  /** Requests sent, retries included. */
  requests: number;
  /** 429 answers seen. */
  rateLimited: number;
  /** Requests sent again after 429, 5xx or a network failure. */
  retries: number;
  /** Times a request was held back until a rate-limit window reset. */
  waits: number;
  inFlight: number;
  queued: { interactive: number; background: number };
}

export interface Governor {
  /** Runs `send` when the request's bucket and priority allow it; retries where that is safe. */
  run(request: GovernedRequest, send: () => Promise<Response>): Promise<Response>;
  stats(): GovernorStats;
}

interface Bucket {
  /** null until a response carried rate-limit headers. */
  limit: number | null;
  remaining: number;
  /** The server's `X-Rate-Limit-Reset` (epoch seconds) of the window `remaining` belongs to. */
  resetEpoch: number;
  /** Local time at which that window ends, converted through the response's `Date`. */
  resetAt: number;
  /** The window ended locally; answers still carrying its resetEpoch are stale. */
  rolledOver: boolean;
  /** Responses came back without rate-limit headers: nothing to govern. */
  ungoverned: boolean;
  inFlight: number;
}

interface Job {
  request: GovernedRequest;
  send: () => Promise<Response>;
  bucket: Bucket;
  failures: number;
  rateLimits: number;
  notBefore: number;
  waiting: boolean;
  resolve(response: Response): void;
  reject(error: unknown): void;
  detachAbort(): void;
}

type Admission = { go: true } | { go: false; wakeAt?: number; noSlot?: boolean };

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export const realClock: GovernorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function headerInt(response: Response, name: string): number | undefined {
  const raw = response.headers.get(name);
  if (raw === null || raw.trim() === '' || raw.includes(',')) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The rate-limit governor: one per Okta org. Interactive requests (an agent's click) always go
 * ahead of background ones (sync); background requests use at most `backgroundShare` of each
 * bucket per window and otherwise wait for the window to reset, so steady-state sync never hits
 * a 429 and leaves room for the org's other integrations.
 */
export function createGovernor(options: GovernorOptions = {}): Governor {
  const share = Math.min(1, Math.max(0.01, options.backgroundShare ?? 0.5));
  const maxInFlight = Math.max(1, options.maxInFlight ?? 8);
  const backgroundSlots = Math.max(1, maxInFlight - Math.max(0, options.interactiveReserve ?? 2));
  const maxRetries = options.maxRetries ?? 4;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 8;
  const backoffBaseMs = options.backoffBaseMs ?? 500;
  const backoffMaxMs = options.backoffMaxMs ?? 30_000;
  const resetJitterMs = options.resetJitterMs ?? 250;
  const interactiveGraceMs = options.interactiveGraceMs ?? 250;
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;

  const buckets = new Map<string, Bucket>();
  const queues: Record<Priority, Job[]> = { interactive: [], background: [] };
  const counters = { requests: 0, rateLimited: 0, retries: 0, waits: 0 };
  let inFlight = 0;
  let interactiveInFlight = 0;
  /** Background work waits until then: the last interactive request ended less than the grace ago. */
  let backgroundHeldUntil = 0;
  const heldAnswers: { job: Job; response: Response }[] = [];
  let wakeAt: number | null = null;

  function backgroundHeld(now: number): boolean {
    return queues.interactive.length > 0 || interactiveInFlight > 0 || now < backgroundHeldUntil;
  }

  function bucketFor(request: GovernedRequest): Bucket {
    const key = bucketKey(request.method, new URL(request.url).pathname);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { limit: null, remaining: 0, resetEpoch: 0, resetAt: 0, rolledOver: false, ungoverned: false, inFlight: 0 };
      buckets.set(key, bucket);
    }
    return bucket;
  }

  /** The window's end in local time, through the server's Date; Date's 1 s resolution only errs late. */
  function localResetAt(response: Response, resetEpoch: number): number {
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    const now = clock.now();
    const offset = Number.isNaN(serverDate) ? 0 : serverDate - now;
    return resetEpoch * 1000 - offset;
  }

  function observe(bucket: Bucket, response: Response): void {
    const limit = headerInt(response, 'x-rate-limit-limit');
    const remaining = headerInt(response, 'x-rate-limit-remaining');
    const reset = headerInt(response, 'x-rate-limit-reset');
    if (limit === undefined || remaining === undefined || reset === undefined) {
      if (response.status !== 429 && bucket.limit === null) bucket.ungoverned = true;
      return;
    }
    // A concurrency 429 reads Limit 0 / Remaining 0 with an estimated reset: it says nothing
    // about the bucket's window, only when to retry (handled by the caller).
    if (limit <= 0) return;
    bucket.ungoverned = false;
    const newWindow = bucket.limit === null || reset > bucket.resetEpoch;
    const sameWindow = reset === bucket.resetEpoch && !bucket.rolledOver;
    if (newWindow) {
      bucket.limit = limit;
      bucket.remaining = remaining;
      bucket.resetEpoch = reset;
      bucket.resetAt = localResetAt(response, reset);
      bucket.rolledOver = false;
    } else if (sameWindow) {
      // Answers arrive out of order; the smallest remaining is the latest count.
      bucket.limit = limit;
      bucket.remaining = Math.min(bucket.remaining, remaining);
    }
    if (response.status === 429 && (newWindow || sameWindow)) bucket.remaining = 0;
  }

  function rollOverIfDue(bucket: Bucket, now: number): void {
    if (bucket.limit !== null && !bucket.rolledOver && now >= bucket.resetAt) {
      bucket.remaining = bucket.limit;
      bucket.rolledOver = true;
    }
  }

  function admit(job: Job, now: number): Admission {
    if (now < job.notBefore) return { go: false, wakeAt: job.notBefore };
    const interactive = job.request.priority === 'interactive';
    if (inFlight >= (interactive ? maxInFlight : backgroundSlots)) return { go: false, noSlot: true };

    const bucket = job.bucket;
    if (bucket.ungoverned) return { go: true };
    if (bucket.limit === null) {
      // Nothing known yet: one request at a time learns the bucket's headers.
      return bucket.inFlight === 0 || interactive ? { go: true } : { go: false };
    }
    rollOverIfDue(bucket, now);
    const available = bucket.remaining - bucket.inFlight;
    const spent = bucket.limit - bucket.remaining + bucket.inFlight;
    const backgroundAllowance = Math.max(1, Math.floor(bucket.limit * share));
    const allowed = interactive ? available > 0 : available > 0 && spent < backgroundAllowance;
    if (allowed) return { go: true };
    if (bucket.rolledOver) return { go: false }; // wait for an answer that tells the new window
    return { go: false, wakeAt: bucket.resetAt + random() * resetJitterMs };
  }

  function pump(): void {
    const now = clock.now();
    let nextWake = Infinity;
    let interactiveNeedsSlot = false;
    const held = backgroundHeld(now);
    if (held && now < backgroundHeldUntil) nextWake = backgroundHeldUntil;
    if (!held) {
      for (const { job, response } of heldAnswers.splice(0)) {
        const signal = job.request.signal;
        finish(job, signal?.aborted ? { error: signal.reason } : { response });
      }
    }
    for (const priority of ['interactive', 'background'] as const) {
      if (priority === 'background' && (interactiveNeedsSlot || held)) break;
      const queue = queues[priority];
      for (let i = 0; i < queue.length; ) {
        const job = queue[i]!;
        const admission = admit(job, now);
        if (admission.go) {
          queue.splice(i, 1);
          start(job);
          continue;
        }
        if (admission.noSlot) {
          if (priority === 'interactive') interactiveNeedsSlot = true;
          break;
        }
        if (admission.wakeAt !== undefined) {
          if (admission.wakeAt > job.notBefore && !job.waiting) {
            job.waiting = true;
            counters.waits += 1;
          }
          nextWake = Math.min(nextWake, admission.wakeAt);
        }
        i += 1;
      }
    }
    scheduleWake(nextWake, now);
  }

  function scheduleWake(at: number, now: number): void {
    if (!Number.isFinite(at) || (wakeAt !== null && wakeAt <= at)) return;
    wakeAt = at;
    void clock.sleep(Math.max(0, at - now)).then(() => {
      if (wakeAt === at) wakeAt = null;
      pump();
    });
  }

  function start(job: Job): void {
    inFlight += 1;
    if (job.request.priority === 'interactive') interactiveInFlight += 1;
    job.bucket.inFlight += 1;
    job.waiting = false;
    counters.requests += 1;
    job.send().then(
      (response) => settle(job, () => onResponse(job, response)),
      (error: unknown) => settle(job, () => onFailure(job, error)),
    );
  }

  function settle(job: Job, handle: () => void): void {
    inFlight -= 1;
    if (job.request.priority === 'interactive') {
      interactiveInFlight -= 1;
      backgroundHeldUntil = clock.now() + interactiveGraceMs;
    }
    job.bucket.inFlight -= 1;
    handle();
    pump();
  }

  function backoff(attempt: number): number {
    return random() * Math.min(backoffMaxMs, backoffBaseMs * 2 ** attempt);
  }

  function requeue(job: Job, notBefore: number): void {
    counters.retries += 1;
    job.notBefore = notBefore;
    queues[job.request.priority].unshift(job);
  }

  function finish(job: Job, outcome: { response: Response } | { error: unknown }): void {
    job.detachAbort();
    if ('response' in outcome) job.resolve(outcome.response);
    else job.reject(outcome.error);
  }

  function onResponse(job: Job, response: Response): void {
    observe(job.bucket, response);
    if (job.request.signal?.aborted) {
      void response.body?.cancel();
      return finish(job, { error: job.request.signal.reason });
    }
    if (response.status === 429) {
      counters.rateLimited += 1;
      if (job.rateLimits < maxRateLimitRetries) {
        job.rateLimits += 1;
        void response.body?.cancel();
        const reset = headerInt(response, 'x-rate-limit-reset');
        const until =
          reset !== undefined
            ? localResetAt(response, reset) + random() * resetJitterMs
            : clock.now() + backoff(job.rateLimits);
        return requeue(job, until);
      }
    } else if (RETRYABLE_STATUS.has(response.status) && job.request.idempotent && job.failures < maxRetries) {
      job.failures += 1;
      void response.body?.cancel();
      return requeue(job, clock.now() + backoff(job.failures));
    }
    if (job.request.priority === 'background' && backgroundHeld(clock.now())) heldAnswers.push({ job, response });
    else finish(job, { response });
  }

  function onFailure(job: Job, error: unknown): void {
    const signal = job.request.signal;
    if (signal?.aborted) return finish(job, { error: signal.reason });
    if (job.request.idempotent && job.failures < maxRetries) {
      job.failures += 1;
      return requeue(job, clock.now() + backoff(job.failures));
    }
    finish(job, { error });
  }

  function run(request: GovernedRequest, send: () => Promise<Response>): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const signal = request.signal;
      if (signal?.aborted) return reject(signal.reason);
      const job: Job = {
        request,
        send,
        bucket: bucketFor(request),
        failures: 0,
        rateLimits: 0,
        notBefore: 0,
        waiting: false,
        resolve,
        reject,
        detachAbort: () => signal?.removeEventListener('abort', onAbort),
      };
      const onAbort = () => {
        const queue = queues[request.priority];
        const index = queue.indexOf(job);
        if (index === -1) return; // in flight: the send itself sees the abort
        queue.splice(index, 1);
        finish(job, { error: signal?.reason });
        pump();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queues[request.priority].push(job);
      pump();
    });
  }

  return {
    run,
    stats: () => ({
      ...counters,
      inFlight,
      queued: { interactive: queues.interactive.length, background: queues.background.length },
    }),
  };
}
