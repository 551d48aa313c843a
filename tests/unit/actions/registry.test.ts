import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '@/lib/actions/audit';
import { editableAttributes } from '@/lib/actions/editable-attributes';
import { inputProblem } from '@/lib/actions/input-problem';
import { canOffer, offeredActions, offeredPlaybooks } from '@/lib/actions/offered';
import { matchCommands } from '@/lib/actions/palette';
import { BUILT_IN_PLAYBOOKS, effectivePlaybooks } from '@/lib/actions/playbooks';
import { ACTIONS, findAction, gateOf, isAllowedInStatus } from '@/lib/actions/registry';
import { gateRefusal } from '@/lib/actions/gate-check';
import type { UserSchema, UserStatus } from '@/lib/okta';
import { USER_STATUSES } from '@/lib/settings/schema';

const action = (id: string) => {
  const found = findAction(id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
};
const allowed = (id: string) => USER_STATUSES.filter((status) => isAllowedInStatus(action(id), status));

describe('the action registry', () => {
  it('has one entry per button of the design table, with unique ids and labels', () => {
    const labels = ACTIONS.map((a) => a.label);
    for (const label of [
      'Reset password', 'Temporary password', 'Expire password', 'Reset MFA', 'Revoke sessions', 'Unlock', 'Suspend', 'Unsuspend',
      'Activate', 'Reactivate', 'Deactivate', 'Delete', 'Add to group', 'Remove from group', 'Assign app', 'Remove app', 'Edit profile', 'Create user',
    ]) {
      expect(labels).toContain(label);
    }
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    expect(new Set(labels).size).toBe(ACTIONS.length);
  });

  it("follows Okta's status rules for lifecycle calls", () => {
    expect(allowed('unsuspend')).toEqual(['SUSPENDED']);
    expect(allowed('delete')).toEqual(['DEPROVISIONED']);
    expect(allowed('reactivate').sort()).toEqual(['PROVISIONED', 'RECOVERY']);
    expect(allowed('activate').sort()).toEqual(['DEPROVISIONED', 'STAGED']);
    expect(allowed('suspend')).toEqual(['ACTIVE']);
    expect(allowed('unlock')).toEqual(['LOCKED_OUT']);
    expect(allowed('deactivate')).not.toContain('DEPROVISIONED');
    expect(allowed('deactivate')).toHaveLength(USER_STATUSES.length - 1);
    for (const id of ['reset-password', 'temp-password', 'expire-password']) {
      expect(allowed(id).sort()).toEqual(['ACTIVE', 'LOCKED_OUT', 'PASSWORD_EXPIRED', 'RECOVERY']);
    }
    expect(allowed('create-user')).toEqual([]);
  });

  it('defaults to confirm, and to a typed login for Deactivate, Delete, Reset MFA and Offboard', () => {
    const typed = ACTIONS.filter((a) => a.defaultGate === 'typed').map((a) => a.id).sort();
    expect(typed).toEqual(['deactivate', 'delete', 'reset-mfa']);
    expect(ACTIONS.filter((a) => a.defaultGate !== 'typed').every((a) => a.defaultGate === 'confirm')).toBe(true);
    expect(BUILT_IN_PLAYBOOKS.find((p) => p.id === 'offboard')?.defaultGate).toBe('typed');
    expect(gateOf(action('suspend'), {})).toBe('confirm');
    expect(gateOf(action('suspend'), { suspend: 'none' })).toBe('none');
    expect(gateOf(action('delete'), { delete: 'disabled' })).toBe('disabled');
  });

  it('validates inputs and fills defaults', () => {
    expect(action('reset-password').input.parse({})).toEqual({ sendEmail: true, revokeSessions: false });
    expect(action('revoke-sessions').input.parse({})).toEqual({ oauthTokens: true });
    expect(action('remove-group').input.safeParse({ group: { id: '' } }).success).toBe(false);
    expect(action('remove-group').input.safeParse({ group: { id: '00g1', type: 'OKTA_GROUP' } }).success).toBe(true);
    expect(action('edit-profile').input.safeParse({ profile: { login: 'x@example.com' } }).success).toBe(false);
    expect(action('edit-profile').input.safeParse({ profile: {} }).success).toBe(false);
    expect(action('edit-profile').input.safeParse({ profile: { 'bad name': 'x' } }).success).toBe(false);
    expect(action('edit-profile').input.safeParse({ profile: { title: 'Lead', manager: null } }).success).toBe(true);
    expect(action('create-user').input.safeParse({ firstName: 'A', lastName: 'B', email: 'nope', login: 'a@b.co' }).success).toBe(false);
  });

  it('explains why a confirmation cannot be given yet', () => {
    expect(inputProblem(action('add-group'), { groups: [] })).toBe('Choose a group.');
    expect(inputProblem(action('add-group'), { groups: [{ id: '00g1' }] })).toBeNull();
    expect(inputProblem(action('edit-profile'), { profile: {} })).toBe('Change at least one attribute.');
    expect(inputProblem(action('create-user'), { firstName: 'A', lastName: 'B', email: 'a@b', login: 'a@b.co', activate: false })).toMatch(/^Email: /);
  });
});

describe('what the panel offers', () => {
  const ids = (status: UserStatus, gates = {}) => offeredActions(status, gates).map((o) => o.action.id);

  it('offers only actions the status allows, and none an admin disabled', () => {
    expect(ids('SUSPENDED')).toContain('unsuspend');
    expect(ids('SUSPENDED')).not.toContain('suspend');
    expect(ids('ACTIVE')).not.toContain('delete');
    expect(ids('DEPROVISIONED').sort()).toEqual(['activate', 'delete']);
    expect(ids('ACTIVE', { suspend: 'disabled' })).not.toContain('suspend');
    expect(canOffer('remove-group', 'DEPROVISIONED', {})).toBe(true);
    expect(canOffer('remove-factor', 'DEPROVISIONED', {})).toBe(false);
  });

  it("offers playbooks whose first step fits the status; an admin's playbook replaces the built-in with its id", () => {
    expect(offeredPlaybooks('ACTIVE', { gates: {}, playbooks: [] }).map((o) => o.playbook.id)).toEqual(['offboard', 'lost-device']);
    expect(offeredPlaybooks('STAGED', { gates: {}, playbooks: [] }).map((o) => o.playbook.id)).toEqual(['onboard']);
    const custom = { id: 'offboard', label: 'Leaver', steps: [{ actionId: 'deactivate', inputs: {} }] };
    const merged = effectivePlaybooks({ playbooks: [custom, { id: 'mine', label: 'Mine', steps: [{ actionId: 'unlock', inputs: {} }] }] });
    expect(merged.map((p) => [p.id, p.label, p.defaultGate])).toEqual([
      ['offboard', 'Leaver', 'typed'],
      ['lost-device', 'Lost device', 'confirm'],
      ['onboard', 'Onboard', 'confirm'],
      ['mine', 'Mine', 'confirm'],
    ]);
    expect(offeredPlaybooks('ACTIVE', { gates: { offboard: 'disabled' }, playbooks: [] }).map((o) => o.playbook.id)).toEqual(['lost-device']);
  });

  it('finds "reset mfa" first in the command palette', () => {
    const commands = ACTIONS.map((a) => ({ id: a.id, label: a.label, keywords: a.keywords }));
    expect(matchCommands('reset mfa', commands)[0]?.id).toBe('reset-mfa');
    expect(matchCommands('unlock', commands)[0]?.id).toBe('unlock');
    expect(matchCommands('xyzzy', commands)).toEqual([]);
  });
});

describe('gates', () => {
  it('checks the typed login case-insensitively and refuses disabled actions', () => {
    expect(gateRefusal('typed', { confirmed: true, typed: ' Ann.Lee@Example.com ' }, 'ann.lee@example.com')).toBeNull();
    expect(gateRefusal('typed', { confirmed: true, typed: 'ann.le@example.com' }, 'ann.lee@example.com')).toMatch(/does not match/);
    expect(gateRefusal('typed', { confirmed: true }, 'ann.lee@example.com')).toMatch(/Type the user/);
    expect(gateRefusal('confirm', { confirmed: false }, 'x')).toMatch(/not confirmed/);
    expect(gateRefusal('confirm', { confirmed: true }, 'x')).toBeNull();
    expect(gateRefusal('none', { confirmed: false }, 'x')).toBeNull();
    expect(gateRefusal('disabled', { confirmed: true, typed: 'x' }, 'x')).toMatch(/disabled/);
  });
});

describe('audit inputs and the profile schema', () => {
  it('drops secret-looking fields from recorded inputs but keeps flags', () => {
    expect(withoutSecrets({ oauthTokens: true, tempPassword: 'abc', nested: { resetPasswordUrl: 'https://x', title: 'T' }, activationToken: 't' })).toEqual({
      oauthTokens: true,
      nested: { title: 'T' },
    });
  });

  it('marks field-map attributes editable only where the schema says READ_WRITE', () => {
    const schema = {
      definitions: {
        base: { properties: { title: { title: 'Title', type: 'string', mutability: 'READ_WRITE' }, login: { title: 'Username', type: 'string', mutability: 'READ_WRITE' } } },
        custom: { properties: { costCode: { title: 'Cost code', type: 'string', mutability: 'READ_ONLY' }, badge: { title: 'Badge', type: 'string', permissions: [{ principal: 'SELF', action: 'READ_WRITE' }] } } },
      },
    } as unknown as UserSchema;
    expect(editableAttributes(schema, ['title', 'costCode', 'badge', 'login', 'unknown']).map((a) => [a.attribute, a.editable])).toEqual([
      ['title', true],
      ['costCode', false],
      ['badge', true],
      ['login', false],
      ['unknown', false],
    ]);
  });
});
