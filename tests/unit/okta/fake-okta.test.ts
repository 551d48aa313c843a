import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAppUsers, listApps, listUserApps, unassignUserFromApp } from '@/lib/okta/apps';
import { createOktaClient } from '@/lib/okta/client';
import type { OktaClient } from '@/lib/okta/client';
import { OktaError } from '@/lib/okta/errors';
import { addUserToGroup, listGroupMembers, listGroups, removeUserFromGroup } from '@/lib/okta/groups';
import { queryLogs } from '@/lib/okta/logs';
import { User } from '@/lib/okta/schemas';
import type { Group } from '@/lib/okta/schemas';
import {
  expirePasswordWithTempPassword,
  findUserByEmail,
  getMe,
  getUser,
  getUserSchema,
  listFactors,
  listUserAppLinks,
  listUserGroups,
  listUsers,
  resetPassword,
  suspendUser,
  unsuspendUser,
} from '@/lib/okta/users';
import type { FakeOkta } from '@/tests/fake-okta/server';
import { virtualClock } from './support/virtual-clock';

const fakePresent = existsSync(path.resolve(process.cwd(), 'tests/fake-okta/server.ts'));
const TOKEN = 'fake-token';
const EVERYONE_SINCE = 'lastUpdated gt "2000-01-01T00:00:00.000Z"';

async function allPages<T>(first: () => Promise<{ items: T[]; next: string | null }>, client: OktaClient, schema: import('zod').ZodType<T>) {
  const items: T[] = [];
  let page = await first();
  items.push(...page.items);
  while (page.next) {
    page = await client.getPage(page.next, schema);
    items.push(...page.items);
  }
  return items;
}

describe.skipIf(!fakePresent)('against the local fake Okta', () => {
  let fake: FakeOkta;
  let client: OktaClient;

  beforeAll(async () => {
    const { startFakeOkta } = await import('@/tests/fake-okta/server');
    fake = await startFakeOkta({ port: 0, users: 1200, groups: 30, apps: 12, seed: 7, token: TOKEN });
    client = createOktaClient({ origin: fake.url, auth: { type: 'ssws', token: TOKEN } });
  });
  afterAll(() => fake?.close());

  it('pages through every user (deprovisioned included) with verbatim next links', async () => {
    const users = await allPages(() => listUsers(client, { filter: EVERYONE_SINCE, limit: 200 }), client, User);
    expect(users).toHaveLength(fake.org.users.length);
    expect(new Set(users.map((u) => u.id)).size).toBe(fake.org.users.length);
  });

  it('reads groups, apps, members, assignments, schema, logs and a user’s details with the client schemas', async () => {
    const me = await getMe(client);
    expect(me.profile.login).toBeTruthy();
    const groups = (await listGroups(client, { limit: 200 })).items;
    expect(groups.length).toBeGreaterThan(0);
    const members = await listGroupMembers(client, groups[0]!.id, { limit: 200 });
    expect(Array.isArray(members.items)).toBe(true);
    const apps = (await listApps(client, { limit: 200 })).items;
    expect(apps.length).toBeGreaterThan(0);
    await listAppUsers(client, apps[0]!.id, { limit: 500 });
    const schema = await getUserSchema(client);
    expect(schema.definitions.base.properties.login?.title).toBeTruthy();
    const day = 86_400_000;
    await queryLogs(client, { since: new Date(Date.now() - day).toISOString(), until: new Date().toISOString(), limit: 100 });
    const someone = (await listUsers(client, { filter: 'status eq "ACTIVE"', limit: 5 })).items[0]!;
    const [byEmail] = await findUserByEmail(client, someone.profile.email!);
    expect(byEmail?.id).toBe(someone.id);
    await Promise.all([
      listUserGroups(client, someone.id),
      listUserApps(client, someone.id),
      listUserAppLinks(client, someone.id),
      listFactors(client, someone.id),
      getUser(client, someone.profile.login),
    ]);
  });

  it('runs lifecycle actions and turns refusals into sentences', async () => {
    const target = (await listUsers(client, { filter: 'status eq "ACTIVE"', limit: 20 })).items.at(-1)!;
    await suspendUser(client, target.id);
    expect((await getUser(client, target.id)).status).toBe('SUSPENDED');
    const again = await suspendUser(client, target.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(OktaError);
    expect((again as OktaError).sentence.length).toBeGreaterThan(20);
    await unsuspendUser(client, target.id);
    const reset = await resetPassword(client, target.id, { sendEmail: false });
    expect(reset.resetPasswordUrl).toMatch(/^https?:\/\//);
    const temp = await expirePasswordWithTempPassword(client, target.id);
    expect(temp.tempPassword.length).toBeGreaterThan(4);
  });

  it('explains membership changes on groups managed outside Okta', async () => {
    const groups: Group[] = (await listGroups(client, { limit: 200 })).items;
    const imported = groups.find((g) => g.type === 'APP_GROUP' || g.type === 'BUILT_IN');
    const user = (await listUsers(client, { filter: 'status eq "ACTIVE"', limit: 1 })).items[0]!;
    expect(imported).toBeDefined();
    await expect(removeUserFromGroup(client, imported!.id, user.id, { groupType: imported!.type })).rejects.toMatchObject({
      errorCode: 'E0000006',
      sentence: expect.stringMatching(/managed there, not in Okta|can't be changed/),
    });
    const okta = groups.find((g) => g.type === 'OKTA_GROUP')!;
    await addUserToGroup(client, okta.id, user.id);
    expect((await listUserGroups(client, user.id)).some((g) => g.id === okta.id)).toBe(true);
    await removeUserFromGroup(client, okta.id, user.id);
  });

  it('says to remove the group when an app comes through a group', async () => {
    const apps = (await listApps(client, { limit: 200 })).items;
    const assignments = await Promise.all(apps.map(async (app) => ({ app, users: (await listAppUsers(client, app.id, { limit: 500 })).items })));
    const found = assignments.flatMap(({ app, users }) => users.filter((u) => u.scope === 'GROUP').map((u) => ({ app, user: u })))[0];
    expect(found).toBeDefined();
    await expect(unassignUserFromApp(client, found!.app.id, found!.user.id)).rejects.toMatchObject({
      errorCode: 'E0000046',
      sentence: expect.stringMatching(/through a group/),
    });
  });

  it('loses no page under 5xx, 429 bursts, dropped connections, garbled bodies and hangs', async () => {
    fake.setFaults('5xx=0.15,429burst=0.1,reset=0.08,malformed=0.08,timeout=0.03');
    const clock = virtualClock();
    const faulty = createOktaClient({
      origin: fake.url,
      auth: { type: 'ssws', token: TOKEN },
      timeoutMs: 400,
      governor: { clock, maxRetries: 10, maxRateLimitRetries: 20 },
    });
    try {
      const users = await allPages(() => listUsers(faulty, { filter: EVERYONE_SINCE, limit: 100 }), faulty, User);
      expect(users).toHaveLength(fake.org.users.length);
      expect(new Set(users.map((u) => u.id)).size).toBe(fake.org.users.length);
      expect(faulty.stats().retries).toBeGreaterThan(0);
    } finally {
      fake.setFaults('');
    }
  });

  it('does not repeat a lifecycle POST that failed with 5xx', async () => {
    const target = (await listUsers(client, { filter: 'status eq "ACTIVE"', limit: 30 })).items.at(-2)!;
    fake.setFaults('5xx=1');
    fake.resetRequestLog();
    try {
      await expect(suspendUser(client, target.id)).rejects.toMatchObject({ sentence: expect.stringMatching(/Okta is having trouble/) });
    } finally {
      fake.setFaults('');
    }
    expect(fake.requests.filter((r) => r.path.endsWith('/lifecycle/suspend'))).toHaveLength(1);
  });
});
