import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/actions/audit';
import { appendAudit, listAudit } from '@/lib/actions/audit';
import { runPlaybook } from '@/lib/actions/playbook-runner';
import type { PlaybookProgress } from '@/lib/actions/outcome';
import { runAction, type ActionRequest, type RunnerDeps } from '@/lib/actions/runner';
import { openDirectory } from '@/lib/directory/db';
import { createOktaClient } from '@/lib/okta';
import type { Settings } from '@/lib/settings/schema';
import { startFakeOkta, type FakeOkta } from '../../fake-okta/server';
import type { UserRecord } from '../../fake-okta/types';

const TOKEN = 'runner-token';
let okta: FakeOkta;
let audit: AuditEntry[];
let settings: Pick<Settings, 'gates' | 'playbooks'>;
let counter = 0;

function deps(): RunnerDeps {
  const client = createOktaClient({ origin: okta.url, auth: { type: 'ssws', token: TOKEN } });
  return {
    client: async () => client,
    settings: async () => settings,
    agent: async () => ({ id: '00uAGENT', login: 'agent@example.com' }),
    audit: async (entry) => audit.push(structuredClone(entry)),
    now: () => new Date('2026-11-26T10:00:00Z'),
  };
}

async function person(): Promise<UserRecord> {
  counter += 1;
  const login = `runner.person${counter}@example.com`;
  const response = await fetch(`${okta.url}/__admin/mutate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ op: 'createUser', profile: { login, email: login, firstName: 'Run', lastName: `Ner${counter}` }, password: 'Passw0rd!-Runner' }),
  });
  const { id } = (await response.json()) as { id: string };
  return okta.org.findUser(id)!;
}

const request = (user: UserRecord, actionId: string, extra: Partial<ActionRequest> = {}): ActionRequest => ({
  actionId,
  userId: user.id,
  inputs: {},
  confirmation: { confirmed: true },
  ticket: { helpdesk: 'zendesk', id: '42', url: 'https://acme.zendesk.com/agent/tickets/42' },
  source: 'panel',
  ...extra,
});

beforeAll(async () => {
  okta = await startFakeOkta({ port: 0, users: 60, groups: 12, apps: 4, seed: 5, token: TOKEN });
});
afterAll(() => okta.close());
beforeEach(() => {
  audit = [];
  settings = { gates: {}, playbooks: [] };
});

describe('runAction enforces the gate in the background', () => {
  it('refuses a typed gate unless the text is the CURRENT Okta login (any case), and audits both attempts', async () => {
    const user = await person();
    const oldLogin = user.profile.login;
    user.profile.login = `renamed.${oldLogin}`;
    const stale = await runAction(deps(), request(user, 'deactivate', { confirmation: { confirmed: true, typed: oldLogin } }));
    expect(stale).toMatchObject({ outcome: 'refused', errorCode: null });
    expect(stale.detail).toContain('does not match');
    expect(okta.org.findUser(user.id)?.status).toBe('ACTIVE');

    const ok = await runAction(deps(), request(user, 'deactivate', { confirmation: { confirmed: true, typed: user.profile.login.toUpperCase() } }));
    expect(ok.outcome).toBe('success');
    expect(okta.org.findUser(user.id)?.status).toBe('DEPROVISIONED');
    expect(audit.map((e) => [e.action, e.outcome, e.target?.login])).toEqual([
      ['deactivate', 'refused', user.profile.login],
      ['deactivate', 'success', user.profile.login],
    ]);
    expect(audit[1]).toMatchObject({ agent: 'agent@example.com', source: 'panel', ticket: { id: '42' }, playbook: null });
    expect(audit[1]?.requestIds.length).toBeGreaterThan(0);
  });

  it('refuses an unconfirmed confirm gate and a disabled action without calling Okta', async () => {
    const user = await person();
    expect((await runAction(deps(), request(user, 'suspend', { confirmation: { confirmed: false } }))).outcome).toBe('refused');
    settings = { gates: { suspend: 'disabled' }, playbooks: [] };
    const disabled = await runAction(deps(), request(user, 'suspend'));
    expect(disabled.detail).toMatch(/disabled/);
    expect(okta.org.findUser(user.id)?.status).toBe('ACTIVE');
    settings = { gates: { suspend: 'none' }, playbooks: [] };
    expect((await runAction(deps(), request(user, 'suspend', { confirmation: { confirmed: false } }))).outcome).toBe('success');
    expect(okta.org.findUser(user.id)?.status).toBe('SUSPENDED');
  });

  it("re-checks the live status: an action the status does not allow is refused with Okta's E0000038 sentence", async () => {
    const user = await person();
    const outcome = await runAction(deps(), request(user, 'unsuspend'));
    expect(outcome).toMatchObject({ outcome: 'refused', errorCode: 'E0000038' });
    expect(outcome.detail).toContain("not allowed in the user's current status");
    expect(audit[0]).toMatchObject({ outcome: 'refused', errorCode: 'E0000038', target: { id: user.id } });
  });

  it('returns a one-time secret to the panel and never records it', async () => {
    const user = await person();
    const outcome = await runAction(deps(), request(user, 'temp-password', { inputs: { revokeSessions: true } }));
    expect(outcome.secret?.label).toBe('Temporary password');
    expect(outcome.secret?.value.length).toBeGreaterThan(4);
    expect(JSON.stringify(audit)).not.toContain(outcome.secret!.value);
    expect(outcome.note).not.toContain(outcome.secret!.value);
    expect(audit[0]?.inputs).toEqual({ revokeSessions: true });
  });

  it("reports Okta's errorCode and sentence on failure, and validates inputs before calling Okta", async () => {
    const user = await person();
    const appGroup = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
    const failed = await runAction(deps(), request(user, 'add-group', { inputs: { groups: [{ id: appGroup.id, name: 'AD', type: 'APP_GROUP' }] } }));
    expect(failed).toMatchObject({ outcome: 'failure', errorCode: 'E0000006' });
    expect(failed.detail).toContain('imported from another app');
    expect(failed.requestIds.length).toBe(2);
    const invalid = await runAction(deps(), request(user, 'remove-group', { inputs: { group: { id: '' } } }));
    expect(invalid.outcome).toBe('refused');
    expect(audit.map((e) => e.outcome)).toEqual(['failure', 'refused']);
  });

  it('creates a user, checking a typed gate against the new login', async () => {
    settings = { gates: { 'create-user': 'typed' }, playbooks: [] };
    const inputs = { firstName: 'New', lastName: 'Person', email: 'new.person@example.com', login: 'new.person@example.com' };
    const wrong = await runAction(deps(), { ...request({ id: '' } as UserRecord, 'create-user'), userId: undefined, inputs, confirmation: { confirmed: true, typed: 'x' } });
    expect(wrong.outcome).toBe('refused');
    expect(okta.org.findUser('new.person@example.com')).toBeUndefined();
    const created = await runAction(deps(), { ...request({ id: '' } as UserRecord, 'create-user'), userId: undefined, inputs, confirmation: { confirmed: true, typed: 'NEW.person@example.com' } });
    expect(created.outcome).toBe('success');
    expect(created.userId).toBe(okta.org.findUser('new.person@example.com')?.id);
    expect(okta.org.findUser('new.person@example.com')?.status).toBe('STAGED');
  });
});

describe('runPlaybook', () => {
  const run = async (user: UserRecord, playbookId: string, typed?: string) => {
    const seen: PlaybookProgress[] = [];
    const final = await runPlaybook(
      deps(),
      { playbookId, userId: user.id, runId: crypto.randomUUID(), confirmation: { confirmed: true, typed }, ticket: null, source: 'popup' },
      (progress) => void seen.push(structuredClone(progress)),
    );
    return { final, seen };
  };

  it('stops at the first failing step; later steps are skipped and not run', async () => {
    const user = await person();
    const appGroup = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
    settings = {
      gates: {},
      playbooks: [
        {
          id: 'broken',
          label: 'Broken',
          steps: [
            { actionId: 'revoke-sessions', inputs: {} },
            { actionId: 'add-group', inputs: { groups: [{ id: appGroup.id, type: 'APP_GROUP' }] } },
            { actionId: 'deactivate', inputs: {} },
          ],
        },
      ],
    };
    const { final, seen } = await run(user, 'broken');
    expect(final.steps.map((s) => s.state)).toEqual(['success', 'failure', 'skipped']);
    expect(final.steps[1]?.errorCode).toBe('E0000006');
    expect(final.done).toBe(true);
    expect(seen[0]?.steps.map((s) => s.state)).toEqual(['running', 'pending', 'pending']);
    expect(okta.org.findUser(user.id)?.status).toBe('ACTIVE');
    expect(audit.map((e) => [e.action, e.outcome, e.playbook?.step, e.source])).toEqual([
      ['revoke-sessions', 'success', 1, 'popup'],
      ['add-group', 'failure', 2, 'popup'],
    ]);
  });

  it('runs Offboard only with the typed login, then removes Okta groups and deactivates', async () => {
    const user = await person();
    const oktaGroup = okta.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    okta.org.addMember(oktaGroup, user);
    const refused = await run(user, 'offboard', 'someone@example.com');
    expect(refused.final.steps.map((s) => s.state)).toEqual(['refused', 'skipped', 'skipped']);
    expect(okta.org.isMember(oktaGroup.id, user.id)).toBe(true);

    const done = await run(user, 'offboard', user.profile.login);
    expect(done.final.steps.map((s) => s.state)).toEqual(['success', 'success', 'success']);
    expect(okta.org.isMember(oktaGroup.id, user.id)).toBe(false);
    expect(okta.org.findUser(user.id)?.status).toBe('DEPROVISIONED');
  });
});

describe('the audit store', () => {
  it('appends to the directory database and lists newest first, without secret fields', async () => {
    const db = await openDirectory(`audit-test-${Date.now()}`);
    const base: AuditEntry = {
      time: '2026-11-26T10:00:00Z', agent: 'a@example.com', agentId: null, action: 'unlock', target: null, inputs: { tempPassword: 'x', flag: true },
      ticket: null, source: 'panel', requestIds: [], outcome: 'success', errorCode: null, detail: 'ok', playbook: null,
    };
    await appendAudit(db, base);
    await appendAudit(db, { ...base, action: 'suspend' });
    const listed = await listAudit(db, { limit: 10 });
    expect(listed.map((e) => e.action)).toEqual(['suspend', 'unlock']);
    expect(listed[0]?.inputs).toEqual({ flag: true });
    expect(await listAudit(db, { limit: 10, before: listed[0]!.id })).toHaveLength(1);
  });
});
