import { expect, test } from './fixtures';
import type { FakeOkta } from '../fake-okta/server';
import {
  createPerson,
  existingPerson,
  fakeUser,
  lockOut,
  offeredActions,
  openTicket,
  readAudit,
  runFromBar,
  confirmPending,
  serveTicket,
  waitForCard,
} from './panel-helpers';
import { panelFrame } from '../support/panel';

const logged = (okta: FakeOkta, eventType: string, userId: string) =>
  okta.org.logs.some((e) => e.eventType === eventType && e.target.some((t) => t.id === userId));

test('password and MFA actions on an ACTIVE user change what Okta holds; secrets are shown once and never audited', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const person = existingPerson(
    okta,
    (u) => u.status === 'ACTIVE' && u.provider.type === 'OKTA' && u.profile.login === u.profile.email && okta.org.factorsOf(u.id).length >= 2,
  );
  const factorsBefore = okta.org.factorsOf(person.id).length;
  const { panel } = await openTicket(context, await serveTicket(context, 501, person));
  await waitForCard(panel, 'ACTIVE');

  // One factor, from its row.
  await panel.getByTestId('factor-list').getByRole('button', { name: /^Remove factor/ }).first().click();
  let result = await confirmPending(panel, 'Remove factor');
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(okta.org.factorsOf(person.id)).toHaveLength(factorsBefore - 1);

  // Reset MFA has a typed gate: a wrong login keeps the button disabled; the right one (any case) passes.
  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Reset MFA', exact: true }).click();
  const confirm = panel.getByTestId('confirm-action');
  await expect(confirm.getByTestId('confirm-login')).toHaveText(person.email);
  await expect(confirm.getByTestId('status-badge')).toHaveAttribute('data-status', 'ACTIVE');
  await confirm.getByLabel('Type the Okta login to confirm').fill('someone.else@example.com');
  await expect(confirm.getByTestId('confirm-button')).toBeDisabled();
  await confirm.getByLabel('Type the Okta login to confirm').fill(person.email.slice(0, -1));
  await expect(confirm.getByTestId('confirm-button')).toBeDisabled();
  result = await confirmPending(panel, 'Reset MFA', { typed: person.email.toUpperCase() });
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(okta.org.factorsOf(person.id)).toHaveLength(0);
  await expect(panel.getByText('No factors enrolled.')).toBeVisible();

  // Signed in to an OIDC app: an Okta session and a refresh token the app holds.
  const oidcApp = okta.org.apps.find((a) => a.signOnMode === 'OPENID_CONNECT' && a.status === 'ACTIVE')!;
  okta.mutate({ op: 'signIn', id: person.id, appId: oidcApp.id });
  result = await runFromBar(panel, 'Revoke sessions');
  await expect(result).toContainText('Sessions and OAuth tokens revoked');
  expect(logged(okta, 'user.session.clear', person.id)).toBe(true);
  expect(okta.org.sessionsOf(person.id)).toEqual([]);
  expect(okta.org.oauthTokensOf(person.id)).toEqual([]);

  // Reset password without email: the one-time link is shown with a copy button.
  result = await runFromBar(panel, 'Reset password', {
    before: () => panel.getByLabel(/Email the reset link/).uncheck(),
  });
  const resetLink = await result.getByTestId('one-time-secret').locator('code').innerText();
  expect(resetLink).toMatch(/\/reset_password\//);
  await expect(result.getByRole('button', { name: 'Copy reset link' })).toBeVisible();
  expect(fakeUser(okta, person.id)?.status).toBe('RECOVERY');
  await waitForCard(panel, 'RECOVERY');

  result = await runFromBar(panel, 'Temporary password');
  const tempPassword = await result.getByTestId('one-time-secret').locator('code').innerText();
  expect(tempPassword.length).toBeGreaterThan(4);
  expect(fakeUser(okta, person.id)?.status).toBe('PASSWORD_EXPIRED');
  await waitForCard(panel, 'PASSWORD_EXPIRED');

  result = await runFromBar(panel, 'Expire password');
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(logged(okta, 'user.account.expire_password', person.id)).toBe(true);

  const audit = await readAudit(context, extensionId);
  const mine = audit.filter((e) => (e.target as { id?: string } | null)?.id === person.id);
  expect(mine.map((e) => e.action).sort()).toEqual(
    ['expire-password', 'remove-factor', 'reset-mfa', 'reset-password', 'revoke-sessions', 'temp-password'].sort(),
  );
  for (const entry of mine) {
    expect(entry).toMatchObject({ outcome: 'success', source: 'panel', agent: okta.org.admin.profile.login });
    expect(entry.ticket).toMatchObject({ helpdesk: 'zendesk', id: '501', url: 'https://acme.zendesk.com/agent/tickets/501' });
    expect((entry.requestIds as string[]).length).toBeGreaterThan(0);
  }
  const serialized = JSON.stringify(audit);
  expect(serialized).not.toContain(tempPassword);
  expect(serialized).not.toContain(resetLink);
});

test('suspend, unsuspend and unlock follow Okta status rules; refused actions are not offered', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const person = await createPerson(okta);
  const url = await serveTicket(context, 502, person);
  const { page, panel } = await openTicket(context, url);
  await waitForCard(panel, 'ACTIVE');
  let offered = await offeredActions(panel);
  expect(offered).toContain('Suspend');
  expect(offered).not.toContain('Unsuspend');
  expect(offered).not.toContain('Unlock');
  expect(offered).not.toContain('Delete');
  expect(offered).not.toContain('Activate');

  let result = await runFromBar(panel, 'Suspend');
  await expect(result).toContainText('User suspended');
  // "Copy ticket note" puts a short note on the clipboard for the ticket's internal comment.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await result.getByRole('button', { name: 'Copy ticket note' }).click();
  await expect(result.getByRole('button', { name: /Copied/ })).toBeVisible();
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(() => reader.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`^\\[Okta\\] Suspend for ${person.email.replace(/\./g, '\\.')} by ${okta.org.admin.profile.login.replace(/\./g, '\\.')} at .*User suspended\\.$`),
  );
  await reader.close();
  expect(fakeUser(okta, person.id)?.status).toBe('SUSPENDED');
  await waitForCard(panel, 'SUSPENDED');
  offered = await offeredActions(panel);
  expect(offered).toContain('Unsuspend');
  expect(offered).not.toContain('Suspend');
  expect(offered).not.toContain('Reset password');

  result = await runFromBar(panel, 'Unsuspend');
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(fakeUser(okta, person.id)?.status).toBe('ACTIVE');

  await lockOut(okta, person.id);
  await page.reload();
  const reopened = await panelFrame(page);
  await waitForCard(reopened, 'LOCKED_OUT');
  offered = await offeredActions(reopened);
  expect(offered).toContain('Unlock');
  result = await runFromBar(reopened, 'Unlock');
  await expect(result).toContainText('Account unlocked');
  expect(fakeUser(okta, person.id)?.status).toBe('ACTIVE');
});

test('deactivate, activate with a one-time link, reactivate, then delete a deprovisioned user', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const { panel } = await openTicket(context, await serveTicket(context, 503, person));
  await waitForCard(panel, 'ACTIVE');

  let result = await runFromBar(panel, 'Deactivate', { typed: person.email });
  await expect(result).toContainText('deactivated');
  expect(fakeUser(okta, person.id)?.status).toBe('DEPROVISIONED');
  await waitForCard(panel, 'DEPROVISIONED');
  expect((await offeredActions(panel)).sort()).toEqual(['Activate', 'Delete']);

  result = await runFromBar(panel, 'Activate', { before: () => panel.getByLabel(/Email the activation link/).uncheck() });
  await expect(result.getByTestId('one-time-secret')).toContainText('/welcome/');
  expect(fakeUser(okta, person.id)?.status).toBe('PROVISIONED');
  await waitForCard(panel, 'PROVISIONED');

  const updatedBefore = fakeUser(okta, person.id)!.lastUpdated;
  result = await runFromBar(panel, 'Reactivate');
  await expect(result).toContainText('Okta emailed the activation link');
  await expect(result.getByTestId('one-time-secret')).toHaveCount(0);
  const reactivations = okta.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/users/${person.id}/lifecycle/reactivate`);
  expect(reactivations).toEqual([expect.objectContaining({ status: 200, query: { sendEmail: 'true' } })]);
  const reactivated = okta.org.logs.filter((e) => e.eventType === 'user.lifecycle.reactivate' && e.target.some((t) => t.id === person.id));
  expect(reactivated.map((e) => e.transaction.id)).toEqual([reactivations[0]!.requestId]);
  expect(fakeUser(okta, person.id)?.status).toBe('PROVISIONED');
  expect(fakeUser(okta, person.id)!.lastUpdated > updatedBefore).toBe(true);

  result = await runFromBar(panel, 'Deactivate', { typed: person.email });
  await waitForCard(panel, 'DEPROVISIONED');
  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.getByLabel('Type the Okta login to confirm').fill(person.email);
  await panel.getByTestId('confirm-button').click();
  await expect(panel.getByRole('status').filter({ hasText: 'deleted from Okta' })).toBeVisible();
  expect(fakeUser(okta, person.id)).toBeUndefined();
  await expect(panel.getByTestId('not-in-okta')).toBeVisible();
});
