// `npm start`: build, start the fake Okta with a demo org, open a demo ticket in Chromium with the
// extension loaded and connected. Without a display (or with --headless) it saves screenshots and exits.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeOkta } from '../tests/fake-okta/server';
import { findChromium } from '../tests/support/chromium';
import { launchWithExtension } from '../tests/support/extension';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../tests/support/helpdesk-routes';
import { panelFrame } from '../tests/support/panel';
import { FIXTURE_PEOPLE, seedPeople } from '../tests/support/seed-people';

const DEMO_TOKEN = 'demo-token';
const OUTPUT = path.resolve('demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function connectThroughOptions(page: Page, oktaUrl: string): Promise<void> {
  await page.getByLabel('Okta domain').fill(oktaUrl);
  await page.getByLabel(/API token \(legacy/).check();
  await page.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByTestId('connection-report').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('connected-as').waitFor();
}

async function main(): Promise<void> {
  try {
    findChromium();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  if (!process.argv.includes('--no-build')) execSync('npx wxt build', { stdio: 'inherit' });

  const okta = await startFakeOkta({ port: 8787, users: 2000, groups: 200, apps: 40, seed: 1, token: DEMO_TOKEN }).catch(() =>
    startFakeOkta({ port: 0, users: 2000, groups: 200, apps: 40, seed: 1, token: DEMO_TOKEN }),
  );
  console.log(`Fake Okta listening on ${okta.url}`);
  await seedPeople(okta, FIXTURE_PEOPLE);

  const browser = await launchWithExtension({ headless });
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await connectThroughOptions(options, okta.url);

  await serveHelpdesk(browser.context, ZENDESK_TICKET_123);
  const ticket = await browser.context.newPage();
  await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
  const panel = await panelFrame(ticket);
  await panel.getByRole('heading', { name: 'Grace Hansen' }).first().waitFor();

  if (!headless) {
    console.log('Demo running: the ticket is open in Chromium. Close the browser to stop.');
    await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
    await okta.close();
    return;
  }

  mkdirSync(OUTPUT, { recursive: true });
  const shots = {
    ticket: path.join(OUTPUT, 'ticket-with-panel.png'),
    popup: path.join(OUTPUT, 'popup.png'),
    options: path.join(OUTPUT, 'options.png'),
  };
  await ticket.waitForTimeout(500);
  await ticket.screenshot({ path: shots.ticket });
  const popup = await browser.context.newPage();
  // The popup's own width (popup.css), so the picture is what the toolbar button opens.
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.getByRole('combobox', { name: 'Find a person in Okta' }).fill('grace');
  await popup.getByRole('option').first().waitFor({ timeout: 60_000 });
  await popup.screenshot({ path: shots.popup });
  await options.reload();
  await options.getByTestId('connected-as').waitFor();
  await options.screenshot({ path: shots.options, fullPage: true });

  await browser.close();
  await okta.close();
  console.log('Screenshots:');
  for (const file of Object.values(shots)) console.log(`  ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
