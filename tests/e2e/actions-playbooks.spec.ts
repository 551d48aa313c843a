import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import { addMember, createPerson, fakeUser, openTicket, readAudit, serveTicket, waitForCard } from './panel-helpers';

const playbookButton = (panel: Frame, label: string) =>
  panel.getByRole('group', { name: 'Playbooks' }).getByRole('button', { name: label, exact: true });

test('Offboard end to end: typed gate, sessions and OAuth tokens revoked, Okta groups left, deactivated, each step audited', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const oktaGroups = okta.org.groups.filter((g) => g.type === 'OKTA_GROUP').slice(3, 5);
  const appGroup = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
  const person = await createPerson(okta, { groupIds: oktaGroups.map((g) => g.id) });
  await addMember(okta, appGroup.id, person.id);
  const oidcApp = okta.org.apps.find((a) => a.signOnMode === 'OPENID_CONNECT' && a.status === 'ACTIVE')!;
  okta.mutate({ op: 'signIn', id: person.id, appId: oidcApp.id });
  const { panel } = await openTicket(context, await serveTicket(context, 520, person));
  await waitForCard(panel, 'ACTIVE');

  await playbookButton(panel, 'Offboard').click();
  const confirm = panel.getByTestId('confirm-action');
  await expect(confirm.getByRole('listitem')).toHaveText(['Revoke sessions', 'Remove from all groups', 'Deactivate']);
  await confirm.getByLabel('Type the Okta login to confirm').fill(`x${person.email}`);
  await expect(confirm.getByTestId('confirm-button')).toBeDisabled();
  await confirm.getByLabel('Type the Okta login to confirm').fill(person.email);
  await confirm.getByTestId('confirm-button').click();

  const progress = panel.getByTestId('playbook-progress');
  await expect(progress).toHaveAttribute('data-done', 'true');
  await expect(progress.getByTestId('playbook-step')).toHaveCount(3);
  for (const step of await progress.getByTestId('playbook-step').all()) await expect(step).toHaveAttribute('data-state', 'success');
  await expect(progress).toContainText(`Removed from 2 groups`);

  expect(fakeUser(okta, person.id)?.status).toBe('DEPROVISIONED');
  for (const group of oktaGroups) expect(okta.org.isMember(group.id, person.id)).toBe(false);
  expect(okta.org.isMember(appGroup.id, person.id)).toBe(true);
  expect(okta.org.logs.some((e) => e.eventType === 'user.session.clear' && e.target.some((t) => t.id === person.id))).toBe(true);
  expect(okta.requests.filter((r) => r.method === 'DELETE' && r.path === `/api/v1/users/${person.id}/sessions`).map((r) => r.query)).toEqual([
    { oauthTokens: 'true' },
  ]);
  expect(okta.org.sessionsOf(person.id)).toEqual([]);
  expect(okta.org.oauthTokensOf(person.id)).toEqual([]);
  await waitForCard(panel, 'DEPROVISIONED');

  const steps = (await readAudit(context, extensionId))
    .filter((e) => (e.playbook as { id?: string } | null)?.id === 'offboard' && (e.target as { id?: string } | null)?.id === person.id)
    .sort((a, b) => (a.playbook as { step: number }).step - (b.playbook as { step: number }).step);
  expect(steps.map((e) => [e.action, e.outcome, (e.playbook as { step: number; of: number }).step])).toEqual([
    ['revoke-sessions', 'success', 1],
    ['remove-all-groups', 'success', 2],
    ['deactivate', 'success', 3],
  ]);
  expect(new Set(steps.map((e) => (e.playbook as { runId: string }).runId)).size).toBe(1);
  expect(steps[0]?.inputs).toEqual({ oauthTokens: true });
  for (const entry of steps) expect(entry.ticket).toMatchObject({ id: '520' });
});

test('the command palette runs actions by name; Lost device suspends, and run again it stops at the first refused step', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const person = await createPerson(okta);
  const { panel } = await openTicket(context, await serveTicket(context, 521, person));
  await waitForCard(panel, 'ACTIVE');

  await panel.locator('body').click({ position: { x: 20, y: 20 } });
  await panel.locator('body').press('/');
  const palette = panel.getByTestId('command-palette');
  await palette.getByRole('combobox', { name: 'Type an action' }).fill('reset mfa');
  await expect(palette.getByRole('option').first()).toHaveText('Reset MFA');
  await palette.getByRole('combobox').press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(panel.getByTestId('confirm-action').getByRole('heading')).toContainText('Reset MFA');
  await panel.getByTestId('confirm-action').getByRole('button', { name: 'Cancel' }).click();

  await panel.locator('body').press('Control+k');
  await palette.getByRole('combobox').fill('lost device');
  await palette.getByRole('combobox').press('Enter');
  await expect(panel.getByTestId('confirm-action').getByRole('listitem')).toHaveText(['Revoke sessions', 'Suspend']);
  await panel.getByTestId('confirm-button').click();
  const progress = panel.getByTestId('playbook-progress');
  await expect(progress).toHaveAttribute('data-done', 'true');
  await expect(progress).toContainText('finished');
  expect(fakeUser(okta, person.id)?.status).toBe('SUSPENDED');
  await waitForCard(panel, 'SUSPENDED');

  // Revoking sessions fits a suspended user, suspending does not: the run stops there.
  await playbookButton(panel, 'Lost device').click();
  await panel.getByTestId('confirm-button').click();
  await expect(progress).toHaveAttribute('data-done', 'true');
  await expect(progress).toContainText('stopped');
  await expect(progress.getByTestId('playbook-step')).toHaveText([/^done\s+Revoke sessions/, /^refused\s+Suspend.*E0000038/]);
  const runs = (await readAudit(context, extensionId)).filter(
    (e) => (e.playbook as { id?: string } | null)?.id === 'lost-device' && (e.target as { id?: string } | null)?.id === person.id,
  );
  expect(runs.filter((e) => e.outcome === 'refused').map((e) => e.action)).toEqual(['suspend']);
  expect(runs.filter((e) => e.outcome === 'success')).toHaveLength(3);
});
