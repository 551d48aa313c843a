import { expect, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';

interface View { settings: { gates: Record<string, string>; playbooks: { id: string; label: string; steps: { actionId: string }[] }[] } }

test('actions: a gate is changed and saved; playbooks are edited with validation, reordered and restored', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#actions');
  await page.getByLabel('Gate for Unlock').selectOption('none');
  await page.getByLabel('Gate for Deactivate').selectOption('disabled');
  await page.getByRole('button', { name: 'Save gates' }).click();
  await expect(page.getByText(/^Saved\. The panel and the popup use these gates/)).toBeVisible();
  expect((await sendFromExtensionPage<View>(page, 'getSettings')).settings.gates).toEqual({ unlock: 'none', deactivate: 'disabled' });

  // A new playbook with nothing in it is refused with a message per field.
  await page.getByRole('button', { name: 'New playbook' }).click();
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.locator('#playbook-label-error')).toHaveText('Give the playbook a name.');
  await expect(page.getByText('Add at least one step.')).toBeVisible();
  await page.getByLabel('Playbook name').fill('Locked out');
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.getByText('Choose an action for this step.')).toBeVisible();
  expect((await sendFromExtensionPage<View>(page, 'getSettings')).settings.playbooks).toEqual([]);
  await page.getByLabel('Step 1', { exact: true }).selectOption('unlock');
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.getByLabel('Step 2', { exact: true }).selectOption('reset-password');
  await page.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('reset-password');
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.getByTestId('playbook-row').filter({ hasText: 'Locked out' })).toContainText('Reset password → Unlock');

  // A built-in playbook edited, then restored.
  await page.getByRole('button', { name: 'Edit playbook Lost device' }).click();
  await page.getByRole('button', { name: 'Remove step 2' }).click();
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.getByTestId('playbook-row').filter({ hasText: 'Lost device' })).not.toContainText('Suspend');
  const saved = (await sendFromExtensionPage<View>(page, 'getSettings')).settings.playbooks;
  expect(saved.map((p) => [p.label, p.steps.map((s) => s.actionId)])).toEqual([
    ['Locked out', ['reset-password', 'unlock']],
    ['Lost device', ['revoke-sessions']],
  ]);
  await page.getByRole('button', { name: 'Restore built-in playbook Lost device' }).click();
  await expect(page.getByTestId('playbook-row').filter({ hasText: 'Lost device' })).toContainText('Revoke sessions → Suspend');
});
