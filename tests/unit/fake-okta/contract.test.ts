import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FakeOkta } from '../../fake-okta/server';
import { api, q, start, type ApiResponse } from './helpers';

/**
 * Every endpoint the extension uses must answer bodies that validate against the response schema
 * of Okta's own OpenAPI spec (read from ../shared/okta-openapi, never copied into the repo).
 */
const SPEC_FILE = path.resolve(process.cwd(), '../shared/okta-openapi/management-minimal.yaml');
const specPresent = existsSync(SPEC_FILE);
if (!specPresent) {
  console.warn(`Skipping the fake Okta contract tests: Okta's OpenAPI spec was not found at ${SPEC_FILE}.`);
}

type Json = Record<string, any>;

/**
 * Makes OpenAPI 3.0 schemas digestible for ajv: `nullable` beside `$ref`/`allOf` without a `type`
 * becomes anyOf with null; a `oneOf` with a `discriminator` (whose branches may overlap, which ajv
 * would count as a failure) becomes `anyOf`; the mapped subtype is then checked by expectSubtype.
 */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, normalize(v)])) as Json;
  if (copy.discriminator && copy.oneOf) {
    copy.anyOf = copy.oneOf;
    delete copy.oneOf;
  }
  if ('nullable' in copy && copy.type === undefined) {
    const nullable = copy.nullable === true;
    delete copy.nullable;
    return nullable ? { anyOf: [copy, { type: 'null' }] } : copy;
  }
  return copy;
}

describe.skipIf(!specPresent)('fake Okta responses validate against Okta\'s OpenAPI spec', () => {
  let okta: FakeOkta;
  let spec: Json;
  let ajv: Ajv;
  const compiled = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    spec = parse(readFileSync(SPEC_FILE, 'utf8')) as Json;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'okta', components: { schemas: normalize(spec.components.schemas) } });
    okta = await start({ users: 200, groups: 20, apps: 30 });
  }, 60_000);
  afterAll(() => okta?.close());

  const validatorFor = (schema: Json): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(normalize(JSON.parse(key.replaceAll('"#/components/', '"okta#/components/'))) as Json);
      compiled.set(key, validate);
    }
    return validate;
  };

  /** The response schema the spec declares for this operation and status. */
  function responseSchema(method: string, template: string, status: number): Json | null {
    const operation = spec.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The spec has no ${method} ${template}.`);
    let response = operation.responses[String(status)];
    if (!response) throw new Error(`The spec declares no ${status} response for ${method} ${template}.`);
    if (response.$ref) response = spec.components.responses[String(response.$ref).split('/').pop()!];
    return response.content?.['application/json']?.schema ?? null;
  }

  function expectValid(method: string, template: string, response: ApiResponse): void {
    const schema = responseSchema(method, template, response.status);
    if (schema === null) {
      expect(response.body ?? {}, `${method} ${template} declares no body`).toEqual({});
      return;
    }
    const validate = validatorFor(schema);
    const ok = validate(response.body);
    expect(ok ? [] : validate.errors, `${method} ${template} ${response.status}`).toEqual([]);
  }

  /** Okta's spec discriminates apps by signOnMode and factors by factorType; ajv ignores that, so check the subtype too. */
  function expectSubtype(base: string, property: string, item: Json): void {
    const mapping = spec.components.schemas[base].discriminator.mapping as Record<string, string>;
    const target = mapping[item[property]];
    expect(target, `${base} mapping for ${item[property]}`).toBeDefined();
    const validate = validatorFor({ $ref: target! });
    expect(validate(item) ? [] : validate.errors, `${base} as ${target}`).toEqual([]);
  }

  const activeUser = () => okta.org.users.find((u) => u.status === 'ACTIVE' && u.id !== okta.org.adminId && okta.org.factorsOf(u.id).length > 0)!;

  it('users: list, get, me, create, update, groups, appLinks, factors', async () => {
    expectValid('GET', '/api/v1/users', await api(okta, 'GET', '/api/v1/users?limit=50'));
    expectValid('GET', '/api/v1/users', await api(okta, 'GET', `/api/v1/users?filter=${q('status eq "DEPROVISIONED"')}`));
    const user = activeUser();
    expectValid('GET', '/api/v1/users/{id}', await api(okta, 'GET', `/api/v1/users/${user.id}`));
    expectValid('GET', '/api/v1/users/{id}', await api(okta, 'GET', '/api/v1/users/me'));
    expectValid('GET', '/api/v1/users/{id}/groups', await api(okta, 'GET', `/api/v1/users/${user.id}/groups`));
    expectValid('GET', '/api/v1/users/{id}/appLinks', await api(okta, 'GET', `/api/v1/users/${user.id}/appLinks`));
    const factors = await api<Json[]>(okta, 'GET', `/api/v1/users/${user.id}/factors`);
    expectValid('GET', '/api/v1/users/{userId}/factors', factors);
    for (const factor of factors.body) expectSubtype('UserFactor', 'factorType', factor);
    const created = await api(okta, 'POST', '/api/v1/users?activate=false', {
      body: { profile: { firstName: 'Kim', lastName: 'Lund', email: 'kim.lund@example.com', login: 'kim.lund@example.com' } },
    });
    expectValid('POST', '/api/v1/users', created);
    expectValid('POST', '/api/v1/users/{id}', await api(okta, 'POST', `/api/v1/users/${created.body.id}`, { body: { profile: { title: 'Analyst' } } }));
    expectValid('GET', '/api/v1/meta/schemas/user/{schemaId}', await api(okta, 'GET', '/api/v1/meta/schemas/user/default'));
    const roles = await api<Json[]>(okta, 'GET', `/api/v1/users/${okta.org.adminId}/roles`);
    expect(roles.body.map((r) => r.type)).toEqual(['SUPER_ADMIN']);
    expectValid('GET', '/api/v1/users/{userId}/roles', roles);
    const standardRole = validatorFor({ $ref: '#/components/schemas/StandardRole' });
    expect(roles.body.every((role) => standardRole(role))).toBe(true);
  });

  it('lifecycle operations and their errors', async () => {
    const lifecycle = (id: string, action: string, query = '') => api(okta, 'POST', `/api/v1/users/${id}/lifecycle/${action}${query}`);
    const template = (action: string) => `/api/v1/users/{id}/lifecycle/${action}`;
    const staged = okta.org.users.find((u) => u.status === 'STAGED')!;
    expectValid('POST', template('activate'), await lifecycle(staged.id, 'activate', '?sendEmail=false'));
    expectValid('POST', template('reactivate'), await lifecycle(staged.id, 'reactivate', '?sendEmail=false'));
    const user = activeUser();
    expectValid('POST', template('suspend'), await lifecycle(user.id, 'suspend'));
    expectValid('POST', template('suspend'), await lifecycle(user.id, 'suspend'));
    expectValid('POST', template('unsuspend'), await lifecycle(user.id, 'unsuspend'));
    expectValid('POST', template('reset_password'), await lifecycle(user.id, 'reset_password', '?sendEmail=false'));
    expectValid('POST', template('expire_password'), await lifecycle(user.id, 'expire_password'));
    expectValid('POST', template('expire_password_with_temp_password'), await lifecycle(user.id, 'expire_password_with_temp_password'));
    expectValid('POST', template('reset_factors'), await lifecycle(user.id, 'reset_factors'));
    expectValid('POST', template('unlock'), await lifecycle(user.id, 'unlock'));
    const wrongStatus = await lifecycle(staged.id, 'unlock');
    expect(wrongStatus.status).toBe(403);
    expectValid('POST', template('unlock'), wrongStatus);
    expectValid('POST', template('deactivate'), await lifecycle(user.id, 'deactivate'));
    expectValid('GET', '/api/v1/users/{id}', await api(okta, 'GET', '/api/v1/users/00unobody'));
  });

  it('groups: list, get, members', async () => {
    const groups = await api<Json[]>(okta, 'GET', '/api/v1/groups?expand=stats');
    expectValid('GET', '/api/v1/groups', groups);
    const group = okta.org.groups.find((g) => g.type === 'APP_GROUP') ?? okta.org.groups[0]!;
    expectValid('GET', '/api/v1/groups/{groupId}', await api(okta, 'GET', `/api/v1/groups/${group.id}`));
    expectValid('GET', '/api/v1/groups/{groupId}/users', await api(okta, 'GET', `/api/v1/groups/${group.id}/users?limit=20`));
    const refused = await api(okta, 'PUT', `/api/v1/groups/${group.id}/users/${activeUser().id}`);
    expectValid('PUT', '/api/v1/groups/{groupId}/users/{userId}', refused);
  });

  it('apps: list (every sign-on mode), get, users, assign, groups', async () => {
    const apps = await api<Json[]>(okta, 'GET', '/api/v1/apps?limit=200');
    expectValid('GET', '/api/v1/apps', apps);
    expect(new Set(apps.body.map((a) => a.signOnMode)).size).toBeGreaterThanOrEqual(4);
    for (const app of apps.body) expectSubtype('Application', 'signOnMode', app);
    const app = okta.org.apps.find((a) => okta.org.groupAssignmentsOf(a.id).length > 0)!;
    expectValid('GET', '/api/v1/apps/{appId}', await api(okta, 'GET', `/api/v1/apps/${app.id}`));
    expectValid('GET', '/api/v1/apps/{appId}/users', await api(okta, 'GET', `/api/v1/apps/${app.id}/users?expand=user`));
    const user = okta.org.users.find((u) => u.status === 'ACTIVE' && !okta.org.appUserIndex(app.id).find(u.id))!;
    expectValid('POST', '/api/v1/apps/{appId}/users', await api(okta, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: user.id } }));
    expectValid('GET', '/api/v1/apps/{appId}/users/{userId}', await api(okta, 'GET', `/api/v1/apps/${app.id}/users/${user.id}`));
    expectValid('GET', '/api/v1/apps/{appId}/groups', await api(okta, 'GET', `/api/v1/apps/${app.id}/groups`));
    // The spec types Application._embedded.user as a map of objects, but Okta (and the fake) embed
    // the AppUser itself there, so the embedded part is checked against AppUser instead.
    const mine = await api<Json[]>(okta, 'GET', `/api/v1/apps?filter=${q(`user.id eq "${user.id}"`)}&expand=user/${user.id}`);
    expect(mine.body.map((a) => a._embedded.user.id)).toContain(user.id);
    const embedded = mine.body.map((a) => a._embedded.user as Json);
    expectValid('GET', '/api/v1/apps', { ...mine, body: mine.body.map(({ _embedded, ...app }) => app) });
    expectValid('GET', '/api/v1/apps/{appId}/users', { ...mine, body: embedded });
  });

  it('system log and the rate-limit error', async () => {
    const since = encodeURIComponent(new Date(Date.now() - 60_000).toISOString());
    const logs = await api<Json[]>(okta, 'GET', `/api/v1/logs?since=${since}`);
    expect(logs.body.length).toBeGreaterThan(0);
    expectValid('GET', '/api/v1/logs', logs);
    okta.setFaults('429burst=1');
    const limited = await api(okta, 'GET', '/api/v1/users');
    okta.setFaults('');
    expect(limited.status).toBe(429);
    expectValid('GET', '/api/v1/users', limited);
  });
});
