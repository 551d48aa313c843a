import { expect, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { ensurePerson } from '../support/seed-people';

interface FieldMapView { settings: { fieldMap: { attribute: string; label: string }[] } }

test('field map: attributes from the org schema (custom ones too), add, delete, reorder by keyboard, bad input refused, preview, and the panel shows the new fields', async ({ context, openExtensionPage, okta, connect }) => {
  ensurePerson(okta, {
    login: 'grace.hansen@example.com', email: 'grace.hansen@example.com', firstName: 'Grace', lastName: 'Hansen',
    title: 'Financial Analyst', department: 'Finance', employmentType: 'Contractor',
  });
  await connect();
  const page = await openExtensionPage('options.html#field-map');
  await expect
    .poll(async () => (await sendFromExtensionPage<unknown[]>(page, 'searchDirectory', { query: 'grace hansen' })).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.reload();

  // The org's custom attribute is offered.
  await expect(page.locator('#okta-attributes option[value="employmentType"]')).toHaveCount(1);
  await expect(page.getByTestId('field-map-row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByLabel('Okta attribute, row 4').fill('employmentType');
  await expect(page.getByLabel('Label, row 4')).toHaveValue('Employment type');
  await page.getByRole('button', { name: 'Delete Manager' }).click();
  await expect(page.getByTestId('field-map-row')).toHaveCount(3);

  // Reorder with the keyboard only: Employment type moves up twice, to the top.
  await page.getByRole('button', { name: 'Move Employment type up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Move Employment type up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Okta attribute, row 1')).toHaveValue('employmentType');

  // Bad input: a specific message next to the field, and nothing saved.
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByLabel('Okta attribute, row 4').fill('cost center!');
  await page.getByRole('button', { name: 'Save field map' }).click();
  await expect(page.getByText('An Okta attribute name has letters, digits, _ and .')).toBeVisible();
  await expect(page.getByText('Give the field a label.')).toBeVisible();
  const unchanged = await sendFromExtensionPage<FieldMapView>(page, 'getSettings');
  expect(unchanged.settings.fieldMap.map((f) => f.attribute)).toEqual(['title', 'department', 'manager']);
  await page.getByRole('button', { name: /^Delete cost center/ }).click();

  await page.getByRole('button', { name: 'Save field map' }).click();
  await expect(page.getByText('Saved. Panels and the popup show the new fields.')).toBeVisible();
  const saved = await sendFromExtensionPage<FieldMapView>(page, 'getSettings');
  expect(saved.settings.fieldMap).toEqual([
    { attribute: 'employmentType', label: 'Employment type' },
    { attribute: 'title', label: 'Title' },
    { attribute: 'department', label: 'Department' },
  ]);

  // Preview on a real person from the directory.
  await page.getByLabel('Preview on a person from the directory').fill('grace');
  await page.getByRole('button', { name: /Grace Hansen/ }).click();
  await expect(page.getByTestId('field-employmentType')).toHaveText('Contractor');

  // The panel on a ticket shows the new map.
  await serveHelpdesk(context, ZENDESK_TICKET_123);
  const ticket = await context.newPage();
  await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
  const panel = await panelFrame(ticket);
  await expect(panel.getByTestId('field-employmentType')).toHaveText('Contractor');
  await expect(panel.getByTestId('field-department')).toHaveText('Finance');
  await expect(panel.getByTestId('field-manager')).toHaveCount(0);
  await ticket.screenshot({ path: test.info().outputPath('panel-field-map.png') });
  await page.screenshot({ path: test.info().outputPath('options-field-map.png'), fullPage: true });
});
