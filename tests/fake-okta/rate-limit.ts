/**
 * Okta's per-minute rate-limit buckets (Workforce column of the last published table, see
 * reference/okta-api.md §5). Each bucket has its own 60 s window that starts with its first
 * request, so windows are not aligned to wall-clock minutes, as on Okta.
 */

export interface Bucket {
  name: string;
  limit: number;
}

const BUCKETS = {
  appsCollection: { name: '/api/v1/apps', limit: 100 },
  appInstance: { name: '/api/v1/apps/{id}', limit: 500 },
  groupsCollection: { name: '/api/v1/groups', limit: 500 },
  groupInstance: { name: '/api/v1/groups/{id}', limit: 1000 },
  usersCollection: { name: 'GET|POST /api/v1/users', limit: 600 },
  userRead: { name: 'GET /api/v1/users/{idOrLogin}', limit: 2000 },
  userWrite: { name: 'POST|PUT|DELETE /api/v1/users/{id}', limit: 600 },
  logs: { name: '/api/v1/logs', limit: 120 },
  other: { name: '/api/v1', limit: 1200 },
} satisfies Record<string, Bucket>;

/** The bucket a request under /api/v1 counts against. */
export function bucketFor(method: string, apiPath: string): Bucket {
  const parts = apiPath.split('/').filter(Boolean);
  const [resource, id, sub] = parts;
  if (resource === 'apps') {
    if (id === undefined || sub !== undefined) return BUCKETS.appsCollection;
    return BUCKETS.appInstance;
  }
  if (resource === 'groups') return id === undefined ? BUCKETS.groupsCollection : BUCKETS.groupInstance;
  if (resource === 'logs') return BUCKETS.logs;
  if (resource === 'users') {
    if (id === undefined) return BUCKETS.usersCollection;
    if (method !== 'GET') return BUCKETS.userWrite;
    return sub === undefined ? BUCKETS.userRead : BUCKETS.other;
  }
  return BUCKETS.other;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** `override`: one per-minute limit for every bucket (the `--rate-limit` option). */
  constructor(private readonly override?: number) {}

  take(bucket: Bucket, now = Date.now()): RateDecision {
    const limit = this.override ?? bucket.limit;
    let window = this.windows.get(bucket.name);
    if (!window || now >= window.start + 60_000) {
      window = { start: now, count: 0 };
      this.windows.set(bucket.name, window);
    }
    const allowed = window.count < limit;
    if (allowed) window.count++;
    return { allowed, headers: rateHeaders(limit, limit - window.count, window.start + 60_000) };
  }

  /** Headers for a 429 that did not come from the bucket (burst fault): the window is spent. */
  exhausted(bucket: Bucket, now = Date.now()): Record<string, string> {
    const window = this.windows.get(bucket.name);
    return rateHeaders(this.override ?? bucket.limit, 0, (window?.start ?? now) + 60_000);
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateHeaders(limit: number, remaining: number, resetAtMs: number): Record<string, string> {
  return {
    'X-Rate-Limit-Limit': String(limit),
    'X-Rate-Limit-Remaining': String(Math.max(0, remaining)),
    'X-Rate-Limit-Reset': String(Math.ceil(resetAtMs / 1000)),
  };
}
