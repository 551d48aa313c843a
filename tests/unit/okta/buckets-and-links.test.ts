import { describe, expect, it } from 'vitest';
import { bucketKey, pathTemplate } from '@/lib/okta/buckets';
import { nextLink } from '@/lib/okta/link-header';

describe('rate-limit buckets', () => {
  it.each([
    ['GET', '/api/v1/users', 'GET/POST /api/v1/users'],
    ['POST', '/api/v1/users', 'GET/POST /api/v1/users'],
    ['GET', '/api/v1/users/00u1', 'GET /api/v1/users/{id}'],
    ['GET', '/api/v1/users/me', 'GET /api/v1/users/{id}'],
    ['POST', '/api/v1/users/00u1', 'POST/PUT/DELETE /api/v1/users/{id}'],
    ['DELETE', '/api/v1/users/00u1', 'POST/PUT/DELETE /api/v1/users/{id}'],
    ['POST', '/api/v1/users/00u1/lifecycle/suspend', 'POST /api/v1/users/{id}/lifecycle/suspend'],
    ['GET', '/api/v1/users/00u1/factors', 'GET /api/v1/users/{id}/factors'],
    ['DELETE', '/api/v1/users/00u1/factors/mfa1', 'DELETE /api/v1/users/{id}/factors/{id}'],
    ['GET', '/api/v1/groups', 'GET /api/v1/groups'],
    ['GET', '/api/v1/groups/00g1/users', 'GET /api/v1/groups/{id}/users'],
    ['GET', '/api/v1/groups/rules', 'GET /api/v1/groups/rules'],
    ['GET', '/api/v1/apps', '/api/v1/apps*'],
    ['GET', '/api/v1/apps/0oa1/users', '/api/v1/apps*'],
    ['POST', '/api/v1/apps/0oa1/users', '/api/v1/apps*'],
    ['GET', '/api/v1/apps/0oa1', '/api/v1/apps/{id}'],
    ['GET', '/api/v1/logs', 'GET /api/v1/logs'],
  ])('%s %s → %s', (method, path, bucket) => {
    expect(bucketKey(method, path)).toBe(bucket);
  });

  it('templates ids but keeps literal segments', () => {
    expect(pathTemplate('/api/v1/meta/schemas/user/default')).toBe('/api/v1/meta/schemas/user/default');
    expect(pathTemplate('/api/v1/users/alice%40example.com/groups')).toBe('/api/v1/users/{id}/groups');
  });
});

describe('Link header', () => {
  const next = 'https://acme.okta.com/api/v1/users?after=00u9%3D&limit=200';

  it('finds rel="next" among several links, joined from separate header lines', () => {
    expect(nextLink(`<https://acme.okta.com/api/v1/users?limit=200>; rel="self", <${next}>; rel="next"`)).toBe(next);
  });

  it('accepts unquoted and multi-valued rel', () => {
    expect(nextLink(`<${next}>; rel=next`)).toBe(next);
    expect(nextLink(`<${next}>; title="x"; rel="next last"`)).toBe(next);
  });

  it('is null on the last page', () => {
    expect(nextLink('<https://acme.okta.com/api/v1/users?limit=200>; rel="self"')).toBeNull();
    expect(nextLink(null)).toBeNull();
    expect(nextLink('')).toBeNull();
  });

  it('does not take "nextish" rels for next', () => {
    expect(nextLink(`<${next}>; rel="prefetch-next"`)).toBeNull();
  });
});
