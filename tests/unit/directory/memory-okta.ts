import type { z } from 'zod';
import type { OktaPage, OktaPageSource, PageRequestOptions } from '@/lib/directory/source';

/** An in-memory Okta org answering list requests the way Okta does, for directory tests. */

export interface MemUser {
  id: string;
  status: string;
  created: string;
  statusChanged: string;
  lastUpdated: string;
  profile: Record<string, unknown> & { login: string; email: string; firstName: string; lastName: string };
}
export interface MemGroup {
  id: string;
  type: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  name: string;
  members: Set<string>;
}
export interface MemAssignment {
  scope: 'USER' | 'GROUP';
  groupId?: string;
}
export interface MemApp {
  id: string;
  name: string;
  label: string;
  status: string;
  created: string;
  lastUpdated: string;
  users: Map<string, MemAssignment>;
}
export interface MemEvent {
  uuid: string;
  published: string;
  eventType: string;
  target: { id: string; type: string }[];
}

export interface RecordedRequest {
  path: string;
  params: Record<string, string>;
  /** The URL as asked for (path or verbatim next link). */
  asked: string;
}

const ORIGIN = 'https://mem.okta.test';

export class OktaTestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly summary: string,
    readonly sentence: string,
    readonly requestId = 'req-test',
  ) {
    super(sentence);
    this.name = 'OktaError';
  }
}

function pad(n: number, width = 5): string {
  return String(n).padStart(width, '0');
}

export class MemoryOkta implements OktaPageSource {
  users = new Map<string, MemUser>();
  groups = new Map<string, MemGroup>();
  apps = new Map<string, MemApp>();
  events: MemEvent[] = [];
  requests: RecordedRequest[] = [];
  /** Milliseconds since epoch used for every timestamp this org writes. */
  clock = Date.parse('2025-06-01T00:00:00.000Z');
  /** Called before each request is answered; may throw to simulate failures. */
  beforeRequest: ((request: RecordedRequest, index: number) => void | Promise<void>) | null = null;
  private serial = 0;

  static seeded(users: number, groups: number, apps: number): MemoryOkta {
    const org = new MemoryOkta();
    const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'PROVISIONED', 'LOCKED_OUT', 'SUSPENDED', 'STAGED', 'DEPROVISIONED', 'RECOVERY', 'PASSWORD_EXPIRED'];
    const first = ['Ana', 'Bjørn', 'Chloé', 'David', 'Émile', 'Fatima', 'George', 'Hana', 'Ivan', 'Jane'];
    const last = ['Smith', 'Olsen', 'Dubois', 'Nguyen', 'García', "O'Neil", 'Kowalski', 'Tanaka', 'Jones', 'Doe'];
    for (let i = 0; i < users; i += 1) {
      const firstName = first[i % first.length] ?? 'X';
      const lastName = last[Math.floor(i / first.length) % last.length] ?? 'Y';
      org.addUser({ firstName, lastName, status: statuses[Math.floor(i / 10) % statuses.length] ?? 'ACTIVE', department: `Dept ${i % 7}` });
    }
    const userIds = [...org.users.keys()];
    for (let g = 0; g < groups; g += 1) {
      const group = org.addGroup(`Group ${g} ${g % 2 ? 'Engineering' : 'Sales'}`, g === 0 ? 'BUILT_IN' : 'OKTA_GROUP');
      userIds.forEach((id, index) => {
        if (g === 0 || index % (g + 1) === 0) group.members.add(id);
      });
    }
    for (let a = 0; a < apps; a += 1) {
      const app = org.addApp(`App ${a}`);
      userIds.forEach((id, index) => {
        if (index % (a + 2) === 0) app.users.set(id, { scope: 'USER' });
      });
      const viaGroup = [...org.groups.values()][a + 2];
      if (viaGroup) for (const id of viaGroup.members) if (!app.users.has(id)) app.users.set(id, { scope: 'GROUP', groupId: viaGroup.id });
    }
    org.events = [];
    return org;
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  /** Moves the org's clock on (each change gets a distinct, later timestamp). */
  tick(ms = 1000): string {
    this.clock += ms;
    return this.now();
  }

  private id(prefix: string): string {
    this.serial += 1;
    return `${prefix}${pad(this.serial)}`;
  }

  private log(eventType: string, target: { id: string; type: string }[]): void {
    this.events.push({ uuid: this.id('ev'), published: this.now(), eventType, target });
  }

  addUser(fields: { firstName: string; lastName: string; status?: string; [key: string]: unknown }): MemUser {
    const id = this.id('00u');
    const { firstName, lastName, status, ...custom } = fields;
    const login = `${firstName}.${lastName}.${id}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const user: MemUser = {
      id,
      status: status ?? 'ACTIVE',
      created: this.now(),
      statusChanged: this.now(),
      lastUpdated: this.now(),
      profile: { ...custom, login, email: login.replace('@example.com', '@Example.COM'), firstName, lastName },
    };
    this.users.set(id, user);
    return user;
  }

  addGroup(name: string, type = 'OKTA_GROUP'): MemGroup {
    const group: MemGroup = {
      id: this.id('00g'),
      type,
      created: this.now(),
      lastUpdated: this.now(),
      lastMembershipUpdated: this.now(),
      name,
      members: new Set(),
    };
    this.groups.set(group.id, group);
    return group;
  }

  addApp(label: string): MemApp {
    const app: MemApp = {
      id: this.id('0oa'),
      name: label.toLowerCase().replace(/\s+/g, '_'),
      label,
      status: 'ACTIVE',
      created: this.now(),
      lastUpdated: this.now(),
      users: new Map(),
    };
    this.apps.set(app.id, app);
    return app;
  }

  // Changes the way Okta records them: timestamps moved on, System Log events where Okta writes one.
  createUser(fields: { firstName: string; lastName: string; status?: string }): MemUser {
    this.tick();
    const user = this.addUser(fields);
    const everyone = [...this.groups.values()].find((group) => group.type === 'BUILT_IN');
    if (everyone) {
      everyone.members.add(user.id);
      everyone.lastMembershipUpdated = this.now();
    }
    this.log('user.lifecycle.create', [{ id: user.id, type: 'User' }]);
    return user;
  }

  updateProfile(userId: string, change: Record<string, unknown>): void {
    const user = this.mustUser(userId);
    user.profile = { ...user.profile, ...change };
    user.lastUpdated = this.tick();
  }

  setStatus(userId: string, status: string): void {
    const user = this.mustUser(userId);
    user.status = status;
    user.statusChanged = user.lastUpdated = this.tick();
  }

  deleteUser(userId: string): void {
    this.tick();
    this.users.delete(userId);
    for (const group of this.groups.values()) if (group.members.delete(userId)) group.lastMembershipUpdated = this.now();
    for (const app of this.apps.values()) app.users.delete(userId);
    this.log('user.lifecycle.delete.completed', [{ id: userId, type: 'User' }]);
  }

  addMember(groupId: string, userId: string): void {
    const group = this.mustGroup(groupId);
    group.members.add(userId);
    group.lastMembershipUpdated = this.tick();
    this.log('group.user_membership.add', [{ id: userId, type: 'User' }, { id: groupId, type: 'UserGroup' }]);
  }

  removeMember(groupId: string, userId: string): void {
    const group = this.mustGroup(groupId);
    group.members.delete(userId);
    group.lastMembershipUpdated = this.tick();
    this.log('group.user_membership.remove', [{ id: userId, type: 'User' }, { id: groupId, type: 'UserGroup' }]);
  }

  deleteGroup(groupId: string): void {
    this.tick();
    this.groups.delete(groupId);
    this.log('group.lifecycle.delete', [{ id: groupId, type: 'UserGroup' }]);
  }

  assign(appId: string, userId: string): void {
    this.mustApp(appId).users.set(userId, { scope: 'USER' });
    this.tick();
    this.log('application.user_membership.add', [{ id: userId, type: 'User' }, { id: appId, type: 'AppInstance' }]);
  }

  unassign(appId: string, userId: string): void {
    this.mustApp(appId).users.delete(userId);
    this.tick();
    this.log('application.user_membership.remove', [{ id: userId, type: 'User' }, { id: appId, type: 'AppInstance' }]);
  }

  mustUser(id: string): MemUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  }
  mustGroup(id: string): MemGroup {
    const group = this.groups.get(id);
    if (!group) throw new Error(`no group ${id}`);
    return group;
  }
  mustApp(id: string): MemApp {
    const app = this.apps.get(id);
    if (!app) throw new Error(`no app ${id}`);
    return app;
  }

  // JSON as Okta sends it (with the fields the directory must drop).
  userJson(user: MemUser): Record<string, unknown> {
    return {
      id: user.id,
      status: user.status,
      created: user.created,
      activated: null,
      statusChanged: user.statusChanged,
      lastLogin: null,
      lastUpdated: user.lastUpdated,
      passwordChanged: null,
      type: { id: 'oty1' },
      profile: { ...user.profile },
      credentials: { password: {}, recovery_question: { question: 'Pet?' }, provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `${ORIGIN}/api/v1/users/${user.id}` } },
    };
  }
  groupJson(group: MemGroup): Record<string, unknown> {
    return {
      id: group.id,
      created: group.created,
      lastUpdated: group.lastUpdated,
      lastMembershipUpdated: group.lastMembershipUpdated,
      objectClass: ['okta:user_group'],
      type: group.type,
      profile: { name: group.name, description: null },
      _links: { self: { href: `${ORIGIN}/api/v1/groups/${group.id}` } },
    };
  }
  appJson(app: MemApp): Record<string, unknown> {
    return {
      id: app.id,
      name: app.name,
      label: app.label,
      status: app.status,
      signOnMode: 'SAML_2_0',
      created: app.created,
      lastUpdated: app.lastUpdated,
      settings: { app: {} },
      _links: { logo: [{ href: `${ORIGIN}/logos/${app.id}.png` }] },
    };
  }
  appUserJson(app: MemApp, userId: string, assignment: MemAssignment): Record<string, unknown> {
    return {
      id: userId,
      scope: assignment.scope,
      status: 'PROVISIONED',
      credentials: { userName: this.users.get(userId)?.profile.login ?? userId },
      _links: {
        app: { href: `${ORIGIN}/api/v1/apps/${app.id}` },
        ...(assignment.groupId ? { group: { href: `${ORIGIN}/api/v1/groups/${assignment.groupId}` } } : {}),
      },
    };
  }

  private listUsers(filter: string | undefined): MemUser[] {
    const all = [...this.users.values()];
    if (!filter) return all.filter((user) => user.status !== 'DEPROVISIONED');
    const since = /^lastUpdated gt "([^"]+)"$/.exec(filter);
    if (since) return all.filter((user) => user.lastUpdated > (since[1] ?? ''));
    const id = /^id eq "([^"]+)"$/.exec(filter);
    if (id) return all.filter((user) => user.id === id[1]);
    const address = /^profile\.(email|login) eq "([^"]+)"$/.exec(filter);
    if (address) {
      const [, field, value] = address;
      return all.filter((user) => String(user.profile[field ?? '']).toLowerCase() === value?.toLowerCase());
    }
    const statuses = [...filter.matchAll(/status eq "([A-Z_]+)"/g)].map((match) => match[1]);
    if (statuses.length === 0) throw new OktaTestError(400, 'E0000031', 'Invalid search criteria.', 'The filter is not supported.');
    return all.filter((user) => statuses.includes(user.status));
  }

  private answer(path: string, params: Record<string, string>): unknown[] {
    const parts = path.split('/').filter((part) => part);
    const [, , resource, id, sub] = parts; // api, v1, resource, id, sub
    if (resource === 'users' && !id) return this.listUsers(params.filter).map((user) => this.userJson(user));
    if (resource === 'users' && id && sub === 'groups') {
      this.mustUserOr404(id);
      return [...this.groups.values()].filter((group) => group.members.has(id)).map((group) => this.groupJson(group));
    }
    if (resource === 'users' && id && sub === 'factors') {
      this.mustUserOr404(id);
      return [{ id: `fac-${id}`, factorType: 'push', provider: 'OKTA', vendorName: 'OKTA', status: 'ACTIVE', created: this.now(), lastUpdated: this.now(), _links: {} }];
    }
    if (resource === 'groups' && !id) {
      const since = /^lastUpdated gt "([^"]+)" or lastMembershipUpdated gt "([^"]+)"$/.exec(params.filter ?? '');
      const groups = [...this.groups.values()];
      return (since ? groups.filter((group) => group.lastUpdated > (since[1] ?? '') || group.lastMembershipUpdated > (since[2] ?? '')) : groups).map(
        (group) => this.groupJson(group),
      );
    }
    if (resource === 'groups' && id && sub === 'users') {
      const group = this.groups.get(id);
      if (!group) throw new OktaTestError(404, 'E0000007', `Not found: Resource not found: ${id} (UserGroup)`, 'That group no longer exists in Okta.');
      return [...group.members].flatMap((userId) => {
        const user = this.users.get(userId);
        return user ? [this.userJson(user)] : [];
      });
    }
    if (resource === 'apps' && !id) {
      const userFilter = /^user\.id eq "([^"]+)"$/.exec(params.filter ?? '');
      const apps = [...this.apps.values()];
      if (!userFilter) return apps.map((app) => this.appJson(app));
      const userId = userFilter[1] ?? '';
      return apps.flatMap((app) => {
        const assignment = app.users.get(userId);
        if (!assignment) return [];
        return [{ ...this.appJson(app), _embedded: { user: this.appUserJson(app, userId, assignment) } }];
      });
    }
    if (resource === 'apps' && id && sub === 'users') {
      const app = this.apps.get(id);
      if (!app) throw new OktaTestError(404, 'E0000007', `Not found: ${id}`, 'That app no longer exists in Okta.');
      return [...app.users].map(([userId, assignment]) => this.appUserJson(app, userId, assignment));
    }
    if (resource === 'logs') {
      const types = [...(params.filter ?? '').matchAll(/eventType eq "([^"]+)"/g)].map((match) => match[1]);
      return this.events
        .filter((event) => event.published > (params.since ?? '') && event.published <= (params.until ?? '\uffff'))
        .filter((event) => types.length === 0 || types.includes(event.eventType))
        .map((event) => ({ ...event, actor: { id: 'admin', type: 'User' } }));
    }
    throw new OktaTestError(404, 'E0000022', `Unknown path ${path}`, 'The API does not have that path.');
  }

  private mustUserOr404(id: string): void {
    if (!this.users.has(id)) throw new OktaTestError(404, 'E0000007', `Not found: ${id}`, 'That user no longer exists in Okta.');
  }

  async getPage<T>(pathOrUrl: string, schema: z.ZodType<T>, opts: PageRequestOptions = {}): Promise<OktaPage<T>> {
    opts.signal?.throwIfAborted();
    const url = new URL(pathOrUrl, ORIGIN);
    for (const [key, value] of Object.entries(opts.searchParams ?? {})) url.searchParams.set(key, String(value));
    const params = Object.fromEntries(url.searchParams);
    const request: RecordedRequest = { path: url.pathname, params, asked: pathOrUrl };
    this.requests.push(request);
    await this.beforeRequest?.(request, this.requests.length - 1);
    const all = this.answer(url.pathname, params);
    const limit = Number(params.limit ?? 200);
    const after = Number(params.after ?? 0);
    const slice = all.slice(after, after + limit);
    let next: string | null = null;
    if (after + limit < all.length) {
      const nextUrl = new URL(url);
      nextUrl.searchParams.set('after', String(after + limit));
      next = nextUrl.toString();
    }
    return { items: slice.map((item) => schema.parse(item)), next };
  }
}
