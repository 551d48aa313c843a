/**
 * Injected faults for /api/v1 requests. Grammar of the `--faults` option (and of the `spec`
 * string accepted by `POST /__admin/faults`):
 *
 *   spec  := entry ("," entry)*            e.g. "5xx=0.1,reset=0.05,timeout=0.02,revoke-after=500"
 *   entry := kind "=" number
 *
 *   5xx=P          with probability P answer 500 or 503 (E0000009) before the request runs: nothing changes
 *   429burst=P     with probability P answer 429 E0000047 with the bucket's headers (Remaining 0) before it runs
 *   reset=P        with probability P run the request, then destroy the socket without answering
 *   timeout=P      with probability P run the request, then never answer (the socket stays open)
 *   malformed=P    with probability P run the request, then send 200 with a truncated JSON body
 *   revoke-after=N after N authenticated requests every token is refused with 401 E0000011
 *
 * P is a probability in [0, 1]. Rolls use a PRNG seeded from the org seed, so a run repeats.
 * An empty spec turns every fault off.
 */
import { createPrng, type Prng } from './prng';

export interface FaultSpec {
  serverError: number;
  burst429: number;
  reset: number;
  timeout: number;
  malformed: number;
  revokeAfter: number | null;
}

export const NO_FAULTS: FaultSpec = { serverError: 0, burst429: 0, reset: 0, timeout: 0, malformed: 0, revokeAfter: null };

const PROBABILITY_KEYS: Record<string, keyof Omit<FaultSpec, 'revokeAfter'>> = {
  '5xx': 'serverError',
  '429burst': 'burst429',
  reset: 'reset',
  timeout: 'timeout',
  malformed: 'malformed',
};

export function parseFaults(spec: string): FaultSpec {
  const result: FaultSpec = { ...NO_FAULTS };
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [kind, raw] = entry.split('=').map((p) => p.trim());
    const value = Number(raw);
    if (kind === undefined || raw === undefined || raw === '' || Number.isNaN(value)) {
      throw new Error(`Fault "${entry}" is not of the form kind=number (for example 5xx=0.1).`);
    }
    if (kind === 'revoke-after') {
      if (!Number.isInteger(value) || value < 0) throw new Error(`revoke-after needs a whole number of requests, not "${raw}".`);
      result.revokeAfter = value;
      continue;
    }
    const key = PROBABILITY_KEYS[kind];
    if (!key) throw new Error(`Unknown fault "${kind}"; known: ${[...Object.keys(PROBABILITY_KEYS), 'revoke-after'].join(', ')}.`);
    if (value < 0 || value > 1) throw new Error(`The probability of ${kind} must be between 0 and 1, not ${raw}.`);
    result[key] = value;
  }
  return result;
}

export type PreFault = 'serverError' | 'burst429' | null;
export type PostFault = 'reset' | 'timeout' | 'malformed' | null;

/** Rolls the dice for each request and counts authenticated requests for revoke-after. */
export class FaultInjector {
  private spec: FaultSpec = NO_FAULTS;
  private prng: Prng;
  private authenticated = 0;

  constructor(seed: number, spec: string | undefined) {
    this.prng = createPrng(seed ^ 0x2545f491);
    if (spec) this.set(spec);
  }

  set(spec: string | FaultSpec): void {
    this.spec = typeof spec === 'string' ? parseFaults(spec) : { ...NO_FAULTS, ...spec };
    this.authenticated = 0;
  }

  get current(): FaultSpec {
    return { ...this.spec };
  }

  /** Counts one authenticated request; true when tokens are revoked from now on. */
  tokenRevoked(): boolean {
    if (this.spec.revokeAfter === null) return false;
    this.authenticated++;
    return this.authenticated > this.spec.revokeAfter;
  }

  before(): PreFault {
    if (this.prng.chance(this.spec.serverError)) return 'serverError';
    if (this.prng.chance(this.spec.burst429)) return 'burst429';
    return null;
  }

  after(): PostFault {
    if (this.prng.chance(this.spec.reset)) return 'reset';
    if (this.prng.chance(this.spec.timeout)) return 'timeout';
    if (this.prng.chance(this.spec.malformed)) return 'malformed';
    return null;
  }

  pickServerErrorStatus(): 500 | 503 {
    return this.prng.chance(0.5) ? 500 : 503;
  }
}
