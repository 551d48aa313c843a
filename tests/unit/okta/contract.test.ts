import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as apps from '@/lib/okta/apps';
import { createOktaClient } from '@/lib/okta/client';
import type { OktaClient } from '@/lib/okta/client';
import * as groups from '@/lib/okta/groups';
import * as logs from '@/lib/okta/logs';
import * as users from '@/lib/okta/users';
import { startServer } from './support/http-server';
import type { RecordedRequest, TestServer } from './support/http-server';
import { respondLikeOkta } from './support/spec-responder';

const SPEC_DIR = path.resolve(process.cwd(), '../shared/okta-openapi');
const SPEC_FILE = path.join(SPEC_DIR, 'management-minimal.yaml');
const specPresent = existsSync(SPEC_FILE);
if (!specPresent) console.warn(`Okta contract test skipped: ${SPEC_FILE} not found (the spec lives outside the repo).`);

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: object }> } | { $ref: string };
}
type PathItem = Record<string, Operation> & { parameters?: (Parameter | { $ref: string })[] };
interface Spec {
  paths: Record<string, PathItem>;
  components: Record<string, Record<string, unknown>>;
}

/** Every call the endpoint functions make, with arguments that exercise their options. */
async function callEveryEndpoint(client: OktaClient): Promise<void> {
  await users.listUsers(client, { filter: 'status eq "ACTIVE"', limit: 200, sortBy: 'id', sortOrder: 'asc' });
  await users.searchUsers(client, 'profile.department eq "IT"', { limit: 50 });
  await users.listUsers(client, { q: 'ali' });
  await users.getUser(client, 'alice@example.com');
  await users.getMe(client);
  await users.findUserByEmail(client, 'o"brien\\x@example.com');
  await users.createUser(client, { login: 'new.user@example.com', email: 'new.user@example.com', firstName: 'New', lastName: 'User' }, { activate: true, groupIds: ['00g1'] });
  await users.updateProfile(client, '00u1', { title: 'Engineer', costCenter: 'cc-9' });
  await users.activateUser(client, '00u1', { sendEmail: false });
  await users.reactivateUser(client, '00u1', { sendEmail: true });
  await users.deactivateUser(client, '00u1', { sendEmail: false });
  await users.deleteUser(client, '00u1');
  await users.suspendUser(client, '00u1');
  await users.unsuspendUser(client, '00u1');
  await users.unlockUser(client, '00u1');
  await users.resetPassword(client, '00u1', { sendEmail: false, revokeSessions: true });
  await users.expirePassword(client, '00u1');
  await users.expirePasswordWithTempPassword(client, '00u1', { revokeSessions: true });
  await users.resetFactors(client, '00u1');
  await users.listFactors(client, '00u1');
  await users.deleteFactor(client, '00u1', 'mfa1', { removeRecoveryEnrollment: true });
  await users.clearSessions(client, '00u1', { oauthTokens: true });
  await users.listUserGroups(client, '00u1');
  await users.listUserAppLinks(client, '00u1');
  await users.getUserSchema(client);
  await groups.listGroups(client, { filter: 'type eq "OKTA_GROUP"', expand: 'stats', limit: 200 });
  await groups.listGroups(client, { q: 'Eng', search: 'profile.name sw "E"' });
  await groups.getGroup(client, '00g1');
  await groups.listGroupMembers(client, '00g1', { limit: 200 });
  await groups.addUserToGroup(client, '00g1', '00u1');
  await groups.removeUserFromGroup(client, '00g1', '00u1');
  await apps.listApps(client, { q: 'wiki', filter: 'status eq "ACTIVE"', limit: 200 });
  await apps.getApp(client, '0oa1');
  await apps.listAppUsers(client, '0oa1', { q: 'a', expand: 'user', limit: 500 });
  await apps.listUserApps(client, '00u1');
  await apps.listAppGroups(client, '0oa1', { limit: 200 });
  await apps.assignUserToApp(client, '0oa1', '00u1', { userName: 'a@example.com' });
  await apps.unassignUserFromApp(client, '0oa1', '00u1');
  await logs.queryLogs(client, {
    since: '2026-01-01T00:00:00.000Z',
    until: '2026-01-02T00:00:00.000Z',
    filter: 'eventType eq "group.user_membership.add"',
    q: 'alice',
    sortOrder: 'ASCENDING',
    limit: 1000,
  });
}

describe.skipIf(!specPresent)('contract: every request matches an operation of the official Okta spec', () => {
  let spec: Spec;
  let ajv: Ajv;
  let server: TestServer;
  let recorded: RecordedRequest[];

  beforeAll(async () => {
    spec = parse(readFileSync(SPEC_FILE, 'utf8'), { maxAliasCount: -1 }) as Spec;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    // Only the schemas, without examples and example ids (Ajv resolves every $id it finds).
    const schemas = JSON.parse(
      JSON.stringify(spec.components.schemas, (key, value: unknown) => (['example', 'examples', '$id'].includes(key) ? undefined : value)),
    ) as unknown;
    ajv.addSchema({ components: { schemas } }, 'okta');
    server = await startServer(respondLikeOkta);
    await callEveryEndpoint(createOktaClient({ origin: server.origin, auth: { type: 'ssws', token: 't' } }));
    recorded = server.requests;
  }, 60_000);
  afterAll(() => server?.close());

  function deref<T>(value: T | { $ref: string }): T {
    if (value && typeof value === 'object' && '$ref' in value) {
      const pointer = value.$ref.replace(/^#\//, '').split('/');
      return pointer.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec) as T;
    }
    return value as T;
  }

  /** The spec's path template for a concrete path; literal segments win over parameters. */
  function templateFor(pathname: string): string | undefined {
    const matches = Object.keys(spec.paths).filter((template) => {
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      return new RegExp(`^${pattern}$`).test(pathname);
    });
    return matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
  }

  it('covers every endpoint function', () => {
    expect(recorded.length).toBe(39);
  });

  it('uses only paths, methods and query parameters the spec declares, and valid bodies', () => {
    const problems: string[] = [];
    for (const request of recorded) {
      const url = new URL(request.url, server.origin);
      const label = `${request.method} ${url.pathname}${url.search}`;
      const template = templateFor(decodeURIComponent(url.pathname));
      if (!template) {
        problems.push(`${label}: no such path in the spec`);
        continue;
      }
      const item = spec.paths[template]!;
      const operation = item[request.method.toLowerCase()];
      if (!operation) {
        problems.push(`${label}: ${template} has no ${request.method}`);
        continue;
      }
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref<Parameter>(p));
      const declared = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const key of new Set(url.searchParams.keys())) {
        if (!declared.has(key)) problems.push(`${label}: query parameter "${key}" is not declared for ${request.method} ${template}`);
      }
      const body = operation.requestBody ? deref(operation.requestBody) : undefined;
      const schema = body && 'content' in body ? body.content?.['application/json']?.schema : undefined;
      if (request.body !== '') {
        if (!schema) {
          problems.push(`${label}: sends a body but the operation takes none`);
          continue;
        }
        const ref = '$ref' in schema ? (schema as { $ref: string }).$ref : undefined;
        const validate = ref ? ajv.getSchema(`okta${ref}`) : ajv.compile(schema);
        if (!validate) {
          problems.push(`${label}: cannot compile the spec's body schema`);
          continue;
        }
        if (!validate(JSON.parse(request.body))) {
          problems.push(`${label}: body ${request.body} fails the spec: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('escapes quotes and backslashes inside filter values', () => {
    const lookup = recorded.find((request) => request.url.includes('profile.email'));
    const filter = new URL(lookup!.url, server.origin).searchParams.get('filter');
    expect(filter).toBe('profile.email eq "o\\"brien\\\\x@example.com"');
  });

  it('sends the documented bodies and flags', () => {
    const assign = recorded.find((request) => request.method === 'POST' && request.url === '/api/v1/apps/0oa1/users');
    expect(JSON.parse(assign!.body)).toEqual({ id: '00u1', scope: 'USER', credentials: { userName: 'a@example.com' } });
    const update = recorded.find((request) => request.method === 'POST' && request.url === '/api/v1/users/00u1');
    expect(JSON.parse(update!.body)).toEqual({ profile: { title: 'Engineer', costCenter: 'cc-9' } });
    const userApps = recorded.find((request) => request.url.startsWith('/api/v1/apps?filter=user.id'));
    const params = new URL(userApps!.url, server.origin).searchParams;
    expect(params.get('filter')).toBe('user.id eq "00u1"');
    expect(params.get('expand')).toBe('user/00u1');
    expect(recorded.some((request) => request.url === '/api/v1/users/alice%40example.com')).toBe(true);
  });
});
