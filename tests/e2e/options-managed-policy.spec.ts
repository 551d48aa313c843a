import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeOkta } from '../fake-okta/server';
import { EXTENSION_DIR } from '../support/chromium';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from '../support/extension';
import { expect, FAKE_TOKEN, test } from './fixtures';

// Debian's Chromium reads machine policy from here, as an enterprise deployment would install it.
const POLICY_DIR = '/etc/chromium/policies/managed';
const LOCKED = /Locked: set by your organisation’s policy/;
const CLIENT_ID = 'deskside-test-client'; // what the fake Okta's OAuth app accepts

/** Chromium's id for an unpacked extension without a manifest `key`: sha256 of its absolute path, 32 hex digits written a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Writes a machine policy file where Chromium reads it; returns the first directory it had to create.
 * Without write access to POLICY_DIR the test fails saying so: it cannot check anything without a policy.
 */
function installMachinePolicy(file: string, content: unknown): string | undefined {
  try {
    const created = mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(content, null, 2));
    return created;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    throw new Error(`This test installs a Chromium machine policy in ${POLICY_DIR} and cannot write there (${code}). Run the e2e tests as root, as CI does, or make that directory writable by this user.`);
  }
}

/** What chrome.storage.managed holds for the extension, as its own pages read it. */
const readManaged = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.managed.get(null));

test('an enterprise policy pre-sets and locks the domain, client id, gates and helpdesks; the background refuses other values', async ({ okta }) => {
  // A copy of the build at its own path gets its own extension id, so this policy reaches no other test's browser.
  // DESKSIDE_EXTENSION_DIR may name a build made elsewhere than .output/chrome-mv3.
  const extensionDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'deskside-managed-ext-')));
  cpSync(process.env.DESKSIDE_EXTENSION_DIR ?? EXTENSION_DIR, extensionDir, { recursive: true });
  const extensionId = unpackedExtensionId(extensionDir);
  const policy = {
    oktaDomain: okta.url,
    oauthClientId: CLIENT_ID,
    gates: { suspend: 'typed', deactivate: 'disabled' },
    selfHostedOrigins: ['https://help.acme.test'],
  };
  const policyFile = path.join(POLICY_DIR, `deskside-e2e-${extensionId}.json`);
  const createdDir = installMachinePolicy(policyFile, { '3rdparty': { extensions: { [extensionId]: policy } } });

  // Another org that would accept the same sign-in: the policy, not a failed test, must stop the save.
  const otherOrg = await startFakeOkta({ port: 0, users: 5, groups: 1, apps: 1, seed: 12, token: FAKE_TOKEN });
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchWithExtension({ extensionDir });
    expect(browser.extensionId, 'the id computed from the copy’s path, which names the policy').toBe(extensionId);
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));

    // Chromium really applied the machine policy to this extension's managed storage.
    const applied = await expect.poll(() => readManaged(page), { timeout: 15_000 }).toEqual(policy).then(() => true, () => false);
    if (!applied) {
      const policyPage = await browser.context.newPage();
      await policyPage.goto('chrome://policy');
      throw new Error(`Chromium did not apply ${policyFile} to storage.managed (got ${JSON.stringify(await readManaged(page))}). chrome://policy shows:\n${await policyPage.locator('body').innerText()}`);
    }

    // Connection: the domain and client id show the policy's values, read-only, with the reason.
    const domain = page.getByRole('textbox', { name: 'Okta domain' });
    await expect(domain).toHaveValue(okta.url);
    await expect(domain).not.toBeEditable();
    await expect(domain).toHaveAccessibleDescription(LOCKED);
    const clientId = page.getByRole('textbox', { name: 'Client id' });
    await expect(clientId).toHaveValue(CLIENT_ID);
    await expect(clientId).not.toBeEditable();
    await expect(clientId).toHaveAccessibleDescription(LOCKED);
    await expect(page.getByRole('radio', { name: /OAuth 2\.0 with PKCE/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /API token/ })).toBeDisabled();

    // The background refuses what the policy would undo, before contacting anyone, and saves nothing.
    const refusedDomain = await sendFromExtensionPage<{ ok: boolean; error: { field: string; code: string; sentence: string } | null }>(page, 'saveConnection', {
      domain: otherOrg.url,
      auth: { type: 'oauth', clientId: CLIENT_ID },
    });
    expect(refusedDomain).toMatchObject({
      ok: false,
      error: { field: 'domain', code: 'policy', sentence: `Your organisation’s policy sets the Okta domain to ${okta.url}, so ${otherOrg.url} cannot be saved. Ask your IT admin if it needs to change.` },
    });
    const refusedClient = await sendFromExtensionPage<{ ok: boolean; error: { field: string; code: string } | null }>(page, 'saveConnection', {
      domain: okta.url,
      auth: { type: 'oauth', clientId: 'someone-elses-client' },
    });
    expect(refusedClient).toMatchObject({ ok: false, error: { field: 'clientId', code: 'policy' } });
    expect(otherOrg.requests).toEqual([]);
    expect(okta.requests.filter((r) => r.path.startsWith('/oauth2/'))).toEqual([]);
    const stored = await page.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get('settings'));
    expect((stored.settings as { oktaDomain?: string | null } | undefined)?.oktaDomain ?? null).toBeNull();
    expect(await sendFromExtensionPage<{ connected: boolean }>(page, 'getStatus')).toMatchObject({ connected: false });

    // The locked values themselves still test and save from the page.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-report')).toContainText(okta.url, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('connected-as')).toContainText(okta.url);

    // Actions: gates set by the policy are locked and say so; the others stay editable.
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Actions' }).click();
    const suspend = page.getByRole('combobox', { name: 'Gate for Suspend' });
    await expect(suspend).toBeDisabled();
    await expect(suspend).toHaveValue('typed');
    await expect(suspend).toHaveAccessibleDescription('Locked to “Type the user’s login” by your organisation’s policy');
    const deactivate = page.getByRole('combobox', { name: 'Gate for Deactivate' });
    await expect(deactivate).toBeDisabled();
    await expect(deactivate).toHaveValue('disabled');
    await expect(deactivate).toHaveAccessibleDescription('Locked to “Disabled” by your organisation’s policy');
    await expect(page.getByRole('combobox', { name: 'Gate for Unlock' })).toBeEnabled();

    // Helpdesks: the policy's host is listed as locked, with no way to remove it.
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Helpdesks' }).click();
    const row = page.getByRole('row').filter({ hasText: 'https://help.acme.test' });
    await expect(row.getByRole('cell').nth(2)).toContainText(LOCKED);
    await expect(row.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  } finally {
    rmSync(policyFile, { force: true });
    if (createdDir) {
      // Only the directories this test created, and only if empty: other policy files stay.
      for (let dir = POLICY_DIR; dir.startsWith(createdDir); dir = path.dirname(dir)) {
        try { rmdirSync(dir); } catch { break; }
      }
    }
    try {
      await browser?.close();
    } finally {
      await otherOrg.close();
      rmSync(extensionDir, { recursive: true, force: true });
    }
  }
});
