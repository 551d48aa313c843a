import { appDetails } from './app-shapes';
import { oktaId, randomToken } from './ids';
import { CITIES, DEPARTMENTS, EMPLOYMENT_TYPES, FIRST_NAMES, GROUP_AREAS, GROUP_QUALIFIERS, APP_LABELS, LAST_NAMES, TITLES } from './names';
import { createPrng, type Prng } from './prng';
import type {
  AppRecord,
  AppUserRecord,
  GroupAssignmentRecord,
  GroupRecord,
  SignOnMode,
  UserRecord,
  UserStatus,
} from './types';

export interface GenerateOptions {
  users: number;
  groups: number;
  apps: number;
  seed: number;
  /** Every generated timestamp lies before this instant, so the org is identical whenever it is generated. */
  anchor: number;
}

export interface GeneratedOrg {
  users: UserRecord[];
  groups: GroupRecord[];
  apps: AppRecord[];
  /** groupId → member user ids (unsorted). */
  memberships: Map<string, string[]>;
  /** appId → direct (scope USER) assignments. */
  directAssignments: Map<string, AppUserRecord[]>;
  /** appId → groups assigned to the app. */
  groupAssignments: Map<string, GroupAssignmentRecord[]>;
  adminId: string;
}

export const DEFAULT_ANCHOR = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const STATUS_WEIGHTS: Record<UserStatus, number> = {
  ACTIVE: 80,
  PROVISIONED: 4,
  STAGED: 3,
  RECOVERY: 2,
  LOCKED_OUT: 2,
  PASSWORD_EXPIRED: 2,
  SUSPENDED: 3,
  DEPROVISIONED: 4,
};

const SIGN_ON_WEIGHTS: Record<SignOnMode, number> = {
  SAML_2_0: 40,
  OPENID_CONNECT: 25,
  BOOKMARK: 15,
  AUTO_LOGIN: 10,
  BROWSER_PLUGIN: 10,
};

export const iso = (ms: number): string => new Date(ms).toISOString();

export function generateOrg(options: GenerateOptions): GeneratedOrg {
  const prng = createPrng(options.seed);
  const users = generateUsers(prng, options);
  const apps = generateApps(prng, options);
  const groups = generateGroups(prng, options, apps);
  const memberships = generateMemberships(prng, users, groups);
  const groupAssignments = generateGroupAssignments(prng, apps, groups, options.anchor);
  const directAssignments = generateDirectAssignments(prng, apps, users, options.anchor);
  return { users, groups, apps, memberships, directAssignments, groupAssignments, adminId: (users[0] as UserRecord).id };
}

function generateUsers(prng: Prng, options: GenerateOptions): UserRecord[] {
  const users: UserRecord[] = [];
  const loginsSeen = new Map<string, number>();
  for (let i = 0; i < options.users; i++) {
    const isAdmin = i === 0;
    const firstName = isAdmin ? 'Dana' : prng.pick(FIRST_NAMES);
    const lastName = isAdmin ? 'Admin' : prng.pick(LAST_NAMES);
    const base = `${firstName}.${lastName}`.toLowerCase();
    const seen = loginsSeen.get(base) ?? 0;
    loginsSeen.set(base, seen + 1);
    const login = `${seen === 0 ? base : `${base}${seen + 1}`}@example.com`;
    const status: UserStatus = isAdmin ? 'ACTIVE' : prng.weighted(STATUS_WEIGHTS);
    const [city, countryCode, phonePrefix] = prng.pick(CITIES);
    const department = isAdmin ? 'IT' : prng.pick(DEPARTMENTS);
    const manager = i > 0 ? users[prng.int(0, i - 1)] : undefined;
    const created = options.anchor - prng.int(30, 1500) * DAY - prng.int(0, DAY);
    const activated = status === 'STAGED' ? null : created + prng.int(60_000, DAY);
    const statusChanged = activated === null ? null : activated + prng.int(0, 20) * DAY;
    const passwordSet = !(status === 'STAGED' || status === 'PROVISIONED');
    const passwordChanged = passwordSet ? (statusChanged ?? created) + prng.int(0, 5) * DAY : null;
    const lastLogin = passwordSet && status !== 'DEPROVISIONED' ? options.anchor - prng.int(1, 25 * DAY) : null;
    const lastUpdated = Math.min(
      options.anchor - 1,
      Math.max(created, activated ?? 0, statusChanged ?? 0, passwordChanged ?? 0) + prng.int(0, 10) * DAY,
    );
    users.push({
      id: oktaId(prng, '00u'),
      status,
      created: iso(created),
      activated: activated === null ? null : iso(activated),
      statusChanged: statusChanged === null ? null : iso(statusChanged),
      lastLogin: lastLogin === null ? null : iso(lastLogin),
      lastUpdated: iso(lastUpdated),
      passwordChanged: passwordChanged === null ? null : iso(passwordChanged),
      profile: {
        login,
        email: login,
        firstName,
        lastName,
        displayName: `${firstName} ${lastName}`,
        title: isAdmin ? 'IT Administrator' : `${prng.pick(TITLES)}`,
        department,
        mobilePhone: `${phonePrefix} ${prng.int(100, 999)} ${prng.int(1000, 9999)}`,
        employeeNumber: String(100000 + i),
        manager: manager ? String(manager.profile.displayName) : null,
        managerId: manager ? manager.id : null,
        city,
        countryCode,
        costCenter: `CC-${department.slice(0, 3).toUpperCase()}-${prng.int(10, 99)}`,
        userType: 'Employee',
        startDate: iso(created).slice(0, 10),
        employmentType: prng.pick(EMPLOYMENT_TYPES),
      },
      typeId: 'oty1defaultusertype0',
      provider: prng.chance(0.15) && !isAdmin ? { type: 'ACTIVE_DIRECTORY', name: 'example.local' } : { type: 'OKTA', name: 'OKTA' },
      hasPassword: passwordSet,
    });
  }
  return users;
}

function generateApps(prng: Prng, options: GenerateOptions): AppRecord[] {
  const apps: AppRecord[] = [];
  for (let i = 0; i < options.apps; i++) {
    const baseLabel = APP_LABELS[i % APP_LABELS.length] as string;
    const round = Math.floor(i / APP_LABELS.length);
    const label = round === 0 ? baseLabel : `${baseLabel} ${round + 1}`;
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const signOnMode = prng.weighted(SIGN_ON_WEIGHTS);
    const created = options.anchor - prng.int(100, 2000) * DAY;
    apps.push({
      id: oktaId(prng, '0oa'),
      name: '',
      label,
      status: prng.chance(0.92) ? 'ACTIVE' : 'INACTIVE',
      signOnMode,
      created: iso(created),
      lastUpdated: iso(created + prng.int(0, 90) * DAY),
      details: appDetails(signOnMode, slug, randomToken(prng, 20)),
    });
    const app = apps[apps.length - 1] as AppRecord;
    app.name = String(app.details.name);
  }
  return apps;
}

function generateGroups(prng: Prng, options: GenerateOptions, apps: AppRecord[]): GroupRecord[] {
  const groups: GroupRecord[] = [];
  const orgCreated = options.anchor - 2100 * DAY;
  if (options.groups > 0) {
    groups.push({
      id: oktaId(prng, '00g'),
      type: 'BUILT_IN',
      created: iso(orgCreated),
      lastUpdated: iso(orgCreated),
      lastMembershipUpdated: iso(options.anchor - DAY),
      profile: { name: 'Everyone', description: 'All users in your organization' },
      sourceAppId: null,
    });
  }
  const names = new Set<string>(['Everyone']);
  for (let i = 1; i < options.groups; i++) {
    const isAppGroup = apps.length > 0 && prng.chance(0.2);
    let name = `${prng.pick(GROUP_AREAS)} ${prng.pick(GROUP_QUALIFIERS)}`;
    if (names.has(name)) name = `${name} ${i}`;
    names.add(name);
    const created = options.anchor - prng.int(30, 2000) * DAY;
    const lastUpdated = created + prng.int(0, 20) * DAY;
    groups.push({
      id: oktaId(prng, '00g'),
      type: isAppGroup ? 'APP_GROUP' : 'OKTA_GROUP',
      created: iso(created),
      lastUpdated: iso(lastUpdated),
      lastMembershipUpdated: iso(Math.min(options.anchor - 1, lastUpdated + prng.int(0, 30) * DAY)),
      profile: {
        name: isAppGroup ? `AD ${name}` : name,
        description: isAppGroup ? `Imported from Active Directory: ${name}` : `${name} (managed in Okta)`,
      },
      sourceAppId: isAppGroup ? prng.pick(apps).id : null,
    });
  }
  return groups;
}

function generateMemberships(prng: Prng, users: UserRecord[], groups: GroupRecord[]): Map<string, string[]> {
  const memberships = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  const everyone = groups.find((g) => g.type === 'BUILT_IN');
  const others = groups.filter((g) => g.type !== 'BUILT_IN');
  for (const user of users) {
    if (everyone) memberships.get(everyone.id)?.push(user.id);
    if (others.length === 0) continue;
    const count = prng.int(1, Math.min(6, others.length));
    const chosen = new Set<string>();
    for (let k = 0; k < count; k++) chosen.add(prng.pick(others).id);
    for (const groupId of chosen) memberships.get(groupId)?.push(user.id);
  }
  return memberships;
}

function generateGroupAssignments(
  prng: Prng,
  apps: AppRecord[],
  groups: GroupRecord[],
  anchor: number,
): Map<string, GroupAssignmentRecord[]> {
  const assignable = groups.filter((g) => g.type !== 'BUILT_IN');
  const result = new Map<string, GroupAssignmentRecord[]>();
  for (const app of apps) {
    const assigned: GroupAssignmentRecord[] = [];
    if (assignable.length > 0) {
      const count = prng.int(0, Math.min(3, assignable.length));
      const chosen = new Set<string>();
      for (let k = 0; k < count; k++) chosen.add(prng.pick(assignable).id);
      let priority = 0;
      for (const groupId of chosen) assigned.push({ groupId, priority: priority++, lastUpdated: iso(anchor - prng.int(1, 300) * DAY) });
    }
    result.set(app.id, assigned);
  }
  return result;
}

function generateDirectAssignments(
  prng: Prng,
  apps: AppRecord[],
  users: UserRecord[],
  anchor: number,
): Map<string, AppUserRecord[]> {
  const eligible = users.filter((u) => u.status !== 'DEPROVISIONED');
  const result = new Map<string, AppUserRecord[]>();
  for (const app of apps) {
    const direct = new Map<string, AppUserRecord>();
    const count = eligible.length === 0 ? 0 : prng.int(0, Math.min(300, Math.ceil(eligible.length * 0.03)));
    for (let k = 0; k < count; k++) {
      const user = prng.pick(eligible);
      const created = iso(anchor - prng.int(1, 400) * DAY);
      direct.set(user.id, { userId: user.id, scope: 'USER', created, lastUpdated: created, statusChanged: created, userName: user.profile.login });
    }
    result.set(app.id, [...direct.values()]);
  }
  return result;
}
