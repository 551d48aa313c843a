import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  addMember,
  confirmPending,
  createPerson,
  existingPerson,
  fakeUser,
  lifecycle,
  openTicket,
  runFromBar,
  serveTicket,
  waitForCard,
} from './panel-helpers';

/** Types into a picker and picks the option whose text starts with `name` (the local directory must be synced). */
async function pick(panel: Frame, label: string, name: string): Promise<void> {
  const confirm = panel.getByTestId('confirm-action');
  const option = confirm.getByRole('option').filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(async () => {
    await confirm.getByRole('combobox', { name: label }).fill('');
    await confirm.getByRole('combobox', { name: label }).fill(name);
    await expect(option.first()).toBeVisible({ timeout: 1000 });
  }).toPass();
  await option.first().click();
  await expect(confirm.getByRole('list', { name: /Chosen/ })).toContainText(name);
}

test('groups: add through the picker, remove from the row; an imported group is refused with E0000006 and its sentence', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const oktaGroup = okta.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
  const appGroup = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
  const { panel } = await openTicket(context, await serveTicket(context, 510, person));
  await waitForCard(panel, 'ACTIVE');

  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Add to group', exact: true }).click();
  await pick(panel, 'Find a group', oktaGroup.profile.name);
  let result = await confirmPending(panel, 'Add to group');
  await expect(result).toContainText(`Added to ${oktaGroup.profile.name}`);
  expect(okta.org.isMember(oktaGroup.id, person.id)).toBe(true);
  const row = panel.getByTestId('group-list').getByRole('listitem').filter({ hasText: oktaGroup.profile.name });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: `Remove from group ${oktaGroup.profile.name}` }).click();
  await expect(panel.getByTestId('confirm-subject')).toContainText(oktaGroup.profile.name);
  result = await confirmPending(panel, 'Remove from group');
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(okta.org.isMember(oktaGroup.id, person.id)).toBe(false);
  await expect(row).toHaveCount(0);

  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Add to group', exact: true }).click();
  await pick(panel, 'Find a group', appGroup.profile.name);
  await expect(panel.getByTestId('confirm-action')).toContainText('managed outside Okta');
  result = await confirmPending(panel, 'Add to group');
  await expect(result).toHaveAttribute('data-outcome', 'failure');
  await expect(result.getByTestId('error-code')).toHaveText('E0000006');
  await expect(result).toContainText('imported from another app');
  expect(okta.org.isMember(appGroup.id, person.id)).toBe(false);
});

test('apps: assign and remove a direct app; removing an app that comes through a group shows E0000046 and why', async ({ context, okta, connect }) => {
  await connect();
  const directApp = okta.org.apps.find((a) => okta.org.groupAssignmentsOf(a.id).length === 0)!;
  const granted = okta.org.apps
    .flatMap((app) => okta.org.groupAssignmentsOf(app.id).map((a) => ({ app, group: okta.org.findGroup(a.groupId)! })))
    .find(({ group }) => group.type === 'OKTA_GROUP')!;
  const person = await createPerson(okta);
  await addMember(okta, granted.group.id, person.id);
  const { panel } = await openTicket(context, await serveTicket(context, 511, person));
  await waitForCard(panel, 'ACTIVE');
  const appRow = (label: string) => panel.getByTestId('app-list').getByRole('listitem').filter({ hasText: label });
  await expect(appRow(granted.app.label)).toContainText('through a group');

  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Assign app', exact: true }).click();
  await pick(panel, 'Find an app', directApp.label);
  let result = await confirmPending(panel, 'Assign app');
  await expect(result).toContainText(`Assigned ${directApp.label}`);
  expect(okta.org.appUserIndex(directApp.id).find(person.id)?.scope).toBe('USER');
  await expect(appRow(directApp.label)).toContainText('direct');

  await appRow(directApp.label).getByRole('button', { name: `Remove app ${directApp.label}` }).click();
  result = await confirmPending(panel, 'Remove app');
  await expect(result).toHaveAttribute('data-outcome', 'success');
  expect(okta.org.appUserIndex(directApp.id).find(person.id)).toBeUndefined();
  await expect(appRow(directApp.label)).toHaveCount(0);

  await appRow(granted.app.label).getByRole('button', { name: `Remove app ${granted.app.label}` }).click();
  await expect(panel.getByTestId('confirm-subject')).toContainText('comes through a group');
  result = await confirmPending(panel, 'Remove app');
  await expect(result.getByTestId('error-code')).toHaveText('E0000046');
  await expect(result).toContainText('gets it through a group');
  expect(okta.org.appUserIndex(granted.app.id).find(person.id)?.scope).toBe('GROUP');
});

test('edit profile writes the schema-writable field-map attributes; an AD-sourced user is refused with E0000023', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const first = await openTicket(context, await serveTicket(context, 512, person));
  await waitForCard(first.panel, 'ACTIVE');
  await first.panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Edit profile', exact: true }).click();
  const confirm = first.panel.getByTestId('confirm-action');
  await expect(confirm.getByTestId('confirm-button')).toBeDisabled();
  await confirm.getByLabel('Title').fill('Staff Engineer');
  await confirm.getByLabel('Department').fill('Platform');
  let result = await confirmPending(first.panel, 'Edit profile');
  await expect(result).toContainText('Profile updated: title, department');
  expect(fakeUser(okta, person.id)?.profile).toMatchObject({ title: 'Staff Engineer', department: 'Platform' });
  await expect(first.panel.getByTestId('field-title')).toHaveText('Staff Engineer');
  await first.page.close();

  const adUser = existingPerson(okta, (u) => u.status === 'ACTIVE' && u.provider.type === 'ACTIVE_DIRECTORY');
  const second = await openTicket(context, await serveTicket(context, 513, adUser));
  await waitForCard(second.panel, 'ACTIVE');
  const titleBefore = fakeUser(okta, adUser.id)?.profile.title;
  await second.panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Edit profile', exact: true }).click();
  await second.panel.getByTestId('confirm-action').getByLabel('Title').fill('Changed Title');
  result = await confirmPending(second.panel, 'Edit profile');
  await expect(result.getByTestId('error-code')).toHaveText('E0000023');
  await expect(result).toContainText('mastered by another system');
  expect(fakeUser(okta, adUser.id)?.profile.title).toBe(titleBefore);
});

test('a status changed behind the panel is caught live: E0000038 with its sentence, nothing sent to Okta, the card catches up', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const { panel } = await openTicket(context, await serveTicket(context, 514, person));
  await waitForCard(panel, 'ACTIVE');
  await lifecycle(okta, person.id, 'suspend');
  const result = await runFromBar(panel, 'Expire password');
  await expect(result).toHaveAttribute('data-outcome', 'refused');
  await expect(result.getByTestId('error-code')).toHaveText('E0000038');
  await expect(result).toContainText("not allowed in the user's current status");
  expect(okta.org.logs.some((e) => e.eventType === 'user.account.expire_password' && e.target.some((t) => t.id === person.id))).toBe(false);
  await waitForCard(panel, 'SUSPENDED');
});

test('a requester who is not in Okta can be created from the ticket, prefilled with the ticket name and email, then onboarded', async ({ context, okta, connect }) => {
  await connect();
  const email = `nia.newcomer${Date.now()}@example.com`;
  const { panel } = await openTicket(context, await serveTicket(context, 515, { email, name: 'Nia Newcomer' }));
  await expect(panel.getByTestId('not-in-okta')).toBeVisible();
  await panel.getByRole('button', { name: 'Create user' }).click();
  const confirm = panel.getByTestId('confirm-action');
  await expect(confirm.getByLabel('First name', { exact: true })).toHaveValue('Nia');
  await expect(confirm.getByLabel('Last name', { exact: true })).toHaveValue('Newcomer');
  await expect(confirm.getByLabel('Email', { exact: true })).toHaveValue(email);
  await expect(confirm.getByLabel('Okta login', { exact: true })).toHaveValue(email);
  await confirm.getByTestId('confirm-button').click();
  await waitForCard(panel, 'STAGED');
  const created = fakeUser(okta, email);
  expect(created).toMatchObject({ status: 'STAGED', profile: { firstName: 'Nia', lastName: 'Newcomer', email } });
  await expect(panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Activate', exact: true })).toBeVisible();

  // Onboard fits a staged user: activation (emailed), then the baseline groups and app bundle (none configured here).
  await panel.getByRole('group', { name: 'Playbooks' }).getByRole('button', { name: 'Onboard', exact: true }).click();
  await panel.getByTestId('confirm-button').click();
  const progress = panel.getByTestId('playbook-progress');
  await expect(progress).toHaveAttribute('data-done', 'true');
  await expect(progress.getByTestId('playbook-step')).toHaveText([/^done\s+Activate/, /^done\s+Add to group.*No groups to add/, /^done\s+Assign app.*No apps to assign/]);
  expect(fakeUser(okta, email)?.status).toBe('PROVISIONED');
});
