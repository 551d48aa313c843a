import { oidcClientId } from './app-shapes';
import { oktaErrors } from './errors';
import { generateFactors, generateOAuthTokens, generateSessions } from './factors';
import { DEFAULT_ANCHOR, generateOrg, iso, type GenerateOptions } from './generate';
import { oktaId, type IdPrefix } from './ids';
import { buildLogEvent, logTarget } from './log-events';
import { createPrng, type Prng } from './prng';
import { SortedList } from './sorted-list';
import type {
  AppRecord,
  AppUserRecord,
  FactorRecord,
  GroupAssignmentRecord,
  GroupRecord,
  LogEvent,
  LogTarget,
  OAuthTokenRecord,
  SessionRecord,
  UserProfile,
  UserRecord,
} from './types';

export type OrgOptions = Partial<GenerateOptions>;

const updatedKey = (user: UserRecord): string => `${user.lastUpdated}|${user.id}`;

/**
 * The fake org's state with the indexes the routes page through, and the primitive mutations.
 * Every mutation keeps the indexes in step, bumps the changed object's timestamps and records a
 * System Log event. Lifecycle rules live in lifecycle.ts.
 */
export class FakeOrg {
  readonly seed: number;
  readonly anchor: number;
  readonly adminId: string;
  /** Request id of the API call being served, copied into System Log events. */
  currentRequestId = 'fake-okta-admin';

  private readonly usersById: SortedList<UserRecord>;
  private readonly usersByUpdated: SortedList<UserRecord>;
  private readonly loginIndex = new Map<string, UserRecord>();
  private readonly groupsById: SortedList<GroupRecord>;
  private readonly groupMembers = new Map<string, SortedList<string>>();
  private readonly userGroups = new Map<string, Set<string>>();
  private readonly appsById: SortedList<AppRecord>;
  private readonly appUsers = new Map<string, SortedList<AppUserRecord>>();
  private readonly userApps = new Map<string, Set<string>>();
  private readonly groupAssignments = new Map<string, GroupAssignmentRecord[]>();
  private readonly groupApps = new Map<string, Set<string>>();
  private readonly factors = new Map<string, FactorRecord[]>();
  private readonly sessions = new Map<string, SessionRecord[]>();
  private readonly oauthTokens = new Map<string, OAuthTokenRecord[]>();
  private readonly logEvents: LogEvent[] = [];
  private readonly runtimePrng: Prng;
  private lastTick = 0;

  constructor(options: OrgOptions = {}) {
    this.seed = options.seed ?? 1;
    this.anchor = options.anchor ?? DEFAULT_ANCHOR;
    const generated = generateOrg({
      users: Math.max(1, options.users ?? 200),
      groups: options.groups ?? 20,
      apps: options.apps ?? 10,
      seed: this.seed,
      anchor: this.anchor,
    });
    this.runtimePrng = createPrng(this.seed ^ 0x5bd1e995);
    this.adminId = generated.adminId;
    this.usersById = SortedList.from(generated.users, (u) => u.id);
    this.usersByUpdated = SortedList.from(generated.users, updatedKey);
    for (const user of generated.users) this.loginIndex.set(user.profile.login.toLowerCase(), user);
    this.groupsById = SortedList.from(generated.groups, (g) => g.id);
    for (const [groupId, members] of generated.memberships) {
      this.groupMembers.set(groupId, SortedList.from(members, (id) => id));
      for (const userId of members) this.setOf(this.userGroups, userId).add(groupId);
    }
    this.appsById = SortedList.from(generated.apps, (a) => a.id);
    for (const app of generated.apps) {
      const assigned = generated.groupAssignments.get(app.id) ?? [];
      this.groupAssignments.set(app.id, assigned);
      for (const a of assigned) this.setOf(this.groupApps, a.groupId).add(app.id);
      const records = new Map<string, AppUserRecord>();
      for (const a of assigned) {
        for (const userId of this.groupMembers.get(a.groupId)?.values() ?? []) {
          const user = this.usersById.find(userId);
          if (user && user.status !== 'DEPROVISIONED') records.set(userId, this.groupAppUser(user, a.lastUpdated));
        }
      }
      for (const direct of generated.directAssignments.get(app.id) ?? []) records.set(direct.userId, direct);
      this.appUsers.set(app.id, SortedList.from([...records.values()], (r) => r.userId));
      for (const userId of records.keys()) this.setOf(this.userApps, userId).add(app.id);
    }
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Users ordered by id. */
  get users(): readonly UserRecord[] {
    return this.usersById.values();
  }
  get groups(): readonly GroupRecord[] {
    return this.groupsById.values();
  }
  get apps(): readonly AppRecord[] {
    return this.appsById.values();
  }
  get logs(): readonly LogEvent[] {
    return this.logEvents;
  }
  get admin(): UserRecord {
    return this.usersById.find(this.adminId) as UserRecord;
  }
  get userIndex(): SortedList<UserRecord> {
    return this.usersById;
  }
  get userUpdatedIndex(): SortedList<UserRecord> {
    return this.usersByUpdated;
  }
  get groupIndex(): SortedList<GroupRecord> {
    return this.groupsById;
  }
  get appIndex(): SortedList<AppRecord> {
    return this.appsById;
  }

  /** By id or login, like Okta's `/users/{idOrLogin}`. */
  findUser(idOrLogin: string): UserRecord | undefined {
    return this.usersById.find(idOrLogin) ?? this.loginIndex.get(idOrLogin.toLowerCase());
  }
  findGroup(id: string): GroupRecord | undefined {
    return this.groupsById.find(id);
  }
  findApp(id: string): AppRecord | undefined {
    return this.appsById.find(id);
  }

  requireUser(idOrLogin: string): UserRecord {
    const user = this.findUser(idOrLogin);
    if (!user) throw oktaErrors.notFound(idOrLogin, 'User');
    return user;
  }
  requireGroup(id: string): GroupRecord {
    const group = this.findGroup(id);
    if (!group) throw oktaErrors.notFound(id, 'UserGroup');
    return group;
  }
  requireApp(id: string): AppRecord {
    const app = this.findApp(id);
    if (!app) throw oktaErrors.notFound(id, 'App');
    return app;
  }

  /** Member user ids of a group, ordered by id. */
  memberIndex(groupId: string): SortedList<string> {
    return this.groupMembers.get(groupId) ?? new SortedList((id: string) => id);
  }
  membersOf(groupId: string): readonly string[] {
    return this.memberIndex(groupId).values();
  }
  groupsOf(userId: string): GroupRecord[] {
    return [...(this.userGroups.get(userId) ?? [])]
      .map((id) => this.groupsById.find(id))
      .filter((g): g is GroupRecord => g !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  /** App users (direct and group-derived) of an app, ordered by user id. */
  appUserIndex(appId: string): SortedList<AppUserRecord> {
    return this.appUsers.get(appId) ?? new SortedList((r: AppUserRecord) => r.userId);
  }
  appUsersOf(appId: string): readonly AppUserRecord[] {
    return this.appUserIndex(appId).values();
  }
  appsOf(userId: string): AppRecord[] {
    return [...(this.userApps.get(userId) ?? [])]
      .map((id) => this.appsById.find(id))
      .filter((a): a is AppRecord => a !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  groupAssignmentsOf(appId: string): readonly GroupAssignmentRecord[] {
    return this.groupAssignments.get(appId) ?? [];
  }
  /** Groups of the user that are assigned to the app. */
  groupsGranting(userId: string, appId: string): string[] {
    const groups = this.userGroups.get(userId);
    return this.groupAssignmentsOf(appId)
      .map((a) => a.groupId)
      .filter((groupId) => groups?.has(groupId));
  }
  factorsOf(userId: string): FactorRecord[] {
    let factors = this.factors.get(userId);
    if (!factors) {
      factors = generateFactors(this.seed, this.requireUser(userId), this.anchor);
      this.factors.set(userId, factors);
    }
    return factors;
  }
  sessionsOf(userId: string): SessionRecord[] {
    let sessions = this.sessions.get(userId);
    if (!sessions) {
      sessions = generateSessions(this.seed, this.requireUser(userId), this.anchor);
      this.sessions.set(userId, sessions);
    }
    return sessions;
  }
  /** Refresh tokens the user's active OIDC apps hold. */
  oauthTokensOf(userId: string): OAuthTokenRecord[] {
    let tokens = this.oauthTokens.get(userId);
    if (!tokens) {
      const clientIds = this.appsOf(userId)
        .filter((app) => app.status === 'ACTIVE')
        .map(oidcClientId)
        .filter((id): id is string => id !== null);
      tokens = generateOAuthTokens(this.seed, this.requireUser(userId), this.anchor, clientIds);
      this.oauthTokens.set(userId, tokens);
    }
    return tokens;
  }

  // ---- clock, ids and events -------------------------------------------------------------------

  /** Milliseconds now, strictly increasing, so `lastUpdated gt` never misses a change made in the same millisecond. */
  tick(): number {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return this.lastTick;
  }
  newId(prefix: IdPrefix): string {
    return oktaId(this.runtimePrng, prefix);
  }

  emit(eventType: string, displayMessage: string, target: LogTarget[], published: string): void {
    this.logEvents.push(
      buildLogEvent({ eventType, displayMessage, actor: logTarget.user(this.admin), target, published, requestId: this.currentRequestId }),
    );
  }

  // ---- user primitives -------------------------------------------------------------------------

  /** Applies `change` to the user and moves it to its new place in the lastUpdated order. */
  touchUser(user: UserRecord, change: (user: UserRecord, now: string) => void): string {
    const now = iso(this.tick());
    this.usersByUpdated.remove(updatedKey(user));
    change(user, now);
    user.lastUpdated = now;
    this.usersByUpdated.insert(user);
    return now;
  }

  /** Changes the status and records `eventType` for it. */
  setStatus(user: UserRecord, status: UserRecord['status'], eventType: string, displayMessage: string): string {
    const now = this.touchUser(user, (u, at) => {
      if (u.status !== status) u.statusChanged = at;
      u.status = status;
      if (status === 'ACTIVE' || status === 'PROVISIONED') u.activated ??= at;
    });
    this.emit(eventType, displayMessage, [logTarget.user(user)], now);
    return now;
  }

  insertUser(profile: UserProfile, status: UserRecord['status'], hasPassword: boolean): UserRecord {
    const login = profile.login.toLowerCase();
    if (this.loginIndex.has(login)) {
      throw oktaErrors.validation('login: An object with this field already exists in the current organization', [
        'login: An object with this field already exists in the current organization',
      ]);
    }
    const now = iso(this.tick());
    const activated = status === 'STAGED' ? null : now;
    const user: UserRecord = {
      id: this.newId('00u'),
      status,
      created: now,
      activated,
      statusChanged: activated,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: hasPassword ? now : null,
      profile,
      typeId: 'oty1defaultusertype0',
      provider: { type: 'OKTA', name: 'OKTA' },
      hasPassword,
    };
    this.usersById.insert(user);
    this.usersByUpdated.insert(user);
    this.loginIndex.set(login, user);
    this.factors.set(user.id, []);
    this.sessions.set(user.id, []);
    this.oauthTokens.set(user.id, []);
    const everyone = this.groups.find((g) => g.type === 'BUILT_IN');
    if (everyone) this.addMember(everyone, user, { emit: false });
    return user;
  }

  replaceProfile(user: UserRecord, profile: UserProfile): void {
    const oldLogin = user.profile.login.toLowerCase();
    const newLogin = profile.login.toLowerCase();
    if (newLogin !== oldLogin && this.loginIndex.has(newLogin)) {
      throw oktaErrors.validation('login: An object with this field already exists in the current organization', [
        'login: An object with this field already exists in the current organization',
      ]);
    }
    const now = this.touchUser(user, (u) => {
      u.profile = profile;
    });
    this.loginIndex.delete(oldLogin);
    this.loginIndex.set(newLogin, user);
    this.emit('user.account.update_profile', 'Update user profile for Okta', [logTarget.user(user)], now);
  }

  /** Removes a (deprovisioned) user and everything that refers to it. */
  removeUser(user: UserRecord): void {
    for (const groupId of [...(this.userGroups.get(user.id) ?? [])]) {
      const group = this.findGroup(groupId);
      if (group) this.removeMember(group, user, { emit: false });
    }
    for (const appId of [...(this.userApps.get(user.id) ?? [])]) this.dropAppUser(appId, user.id);
    this.usersById.remove(user.id);
    this.usersByUpdated.remove(updatedKey(user));
    this.loginIndex.delete(user.profile.login.toLowerCase());
    this.factors.delete(user.id);
    this.sessions.delete(user.id);
    this.oauthTokens.delete(user.id);
    this.userGroups.delete(user.id);
    this.userApps.delete(user.id);
  }

  clearFactors(user: UserRecord): void {
    this.factorsOf(user.id).length = 0;
  }
  clearSessions(user: UserRecord): void {
    this.sessionsOf(user.id).length = 0;
  }
  clearOAuthTokens(user: UserRecord): void {
    this.oauthTokensOf(user.id).length = 0;
  }

  // ---- groups ------------------------------------------------------------------------------------

  isMember(groupId: string, userId: string): boolean {
    return this.userGroups.get(userId)?.has(groupId) ?? false;
  }

  addMember(group: GroupRecord, user: UserRecord, options: { emit: boolean } = { emit: true }): void {
    if (this.isMember(group.id, user.id)) return;
    let members = this.groupMembers.get(group.id);
    if (!members) {
      members = new SortedList((id: string) => id);
      this.groupMembers.set(group.id, members);
    }
    members.insert(user.id);
    this.setOf(this.userGroups, user.id).add(group.id);
    const now = iso(this.tick());
    group.lastMembershipUpdated = now;
    if (options.emit) {
      this.emit('group.user_membership.add', 'Add user to group membership', [logTarget.user(user), logTarget.group(group)], now);
    }
    if (user.status === 'DEPROVISIONED') return;
    for (const appId of this.groupApps.get(group.id) ?? []) {
      if (!this.appUserIndex(appId).find(user.id)) this.putAppUser(appId, this.groupAppUser(user, now), true);
    }
  }

  removeMember(group: GroupRecord, user: UserRecord, options: { emit: boolean } = { emit: true }): void {
    if (!this.isMember(group.id, user.id)) return;
    this.groupMembers.get(group.id)?.remove(user.id);
    this.userGroups.get(user.id)?.delete(group.id);
    const now = iso(this.tick());
    group.lastMembershipUpdated = now;
    if (options.emit) {
      this.emit('group.user_membership.remove', 'Remove user from group membership', [logTarget.user(user), logTarget.group(group)], now);
    }
    for (const appId of this.groupApps.get(group.id) ?? []) {
      const record = this.appUserIndex(appId).find(user.id);
      if (record?.scope === 'GROUP' && this.groupsGranting(user.id, appId).length === 0) this.removeAppUser(appId, user);
    }
  }

  // ---- app users ---------------------------------------------------------------------------------

  putAppUser(appId: string, record: AppUserRecord, emit: boolean): void {
    let list = this.appUsers.get(appId);
    if (!list) {
      list = new SortedList((r: AppUserRecord) => r.userId);
      this.appUsers.set(appId, list);
    }
    list.insert(record);
    this.setOf(this.userApps, record.userId).add(appId);
    const app = this.findApp(appId);
    const user = this.findUser(record.userId);
    if (emit && app && user) {
      this.emit('application.user_membership.add', `Add user to application membership`, [logTarget.user(user), logTarget.app(app)], record.lastUpdated);
    }
  }

  removeAppUser(appId: string, user: UserRecord): void {
    this.dropAppUser(appId, user.id);
    const app = this.findApp(appId);
    if (app) {
      this.emit('application.user_membership.remove', 'Remove user from application membership', [logTarget.user(user), logTarget.app(app)], iso(this.tick()));
    }
  }

  /** Recreates the group-derived app users of a user who came back from DEPROVISIONED. */
  restoreGroupAppUsers(user: UserRecord): void {
    for (const groupId of this.userGroups.get(user.id) ?? []) {
      for (const appId of this.groupApps.get(groupId) ?? []) {
        if (!this.appUserIndex(appId).find(user.id)) this.putAppUser(appId, this.groupAppUser(user, iso(this.tick())), true);
      }
    }
  }

  removeAllAppUsers(user: UserRecord): void {
    for (const appId of [...(this.userApps.get(user.id) ?? [])]) this.removeAppUser(appId, user);
  }

  groupAppUser(user: UserRecord, at: string): AppUserRecord {
    return { userId: user.id, scope: 'GROUP', created: at, lastUpdated: at, statusChanged: at, userName: user.profile.login };
  }

  private dropAppUser(appId: string, userId: string): void {
    this.appUsers.get(appId)?.remove(userId);
    this.userApps.get(userId)?.delete(appId);
  }

  private setOf(map: Map<string, Set<string>>, key: string): Set<string> {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    return set;
  }
}
