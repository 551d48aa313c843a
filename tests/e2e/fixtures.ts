import { expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from '../support/extension';
import { startFakeOkta, type FakeOkta } from '../fake-okta/server';

export const FAKE_TOKEN = 'e2e-token';

interface TestFixtures {
  /** A fresh fake Okta org for each test, so no test sees another's changes. */
  okta: FakeOkta;
  extension: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens one of the extension's pages (popup.html, options.html, …) in a tab. */
  openExtensionPage: (name: string) => Promise<Page>;
  /** Saves the connection to the test's fake Okta through the background, as the options page does. */
  connect: () => Promise<void>;
}

/** Saves the connection to `okta` through the background from an extension page, as the options page does. */
export async function connectFrom(page: Page, okta: FakeOkta): Promise<void> {
  const report = await sendFromExtensionPage<{ ok: boolean; error: { sentence: string } | null }>(page, 'saveConnection', {
    domain: okta.url,
    auth: { type: 'ssws', token: FAKE_TOKEN },
  });
  if (!report.ok) throw new Error(`connect failed: ${report.error?.sentence}`);
}

/** Waits, from an extension page, until the directory's first sync has succeeded. */
export async function waitForFirstSync(page: Page): Promise<void> {
  await expect
    .poll(async () => (await sendFromExtensionPage<{ sync: { lastSuccessAt: string | null } | null }>(page, 'getStatus')).sync?.lastSuccessAt ?? null, { timeout: 60_000 })
    .not.toBeNull();
}

export const test = base.extend<TestFixtures>({
  okta: async ({}, use) => {
    const okta = await startFakeOkta({ port: 0, users: 300, groups: 30, apps: 12, seed: 11, token: FAKE_TOKEN });
    await use(okta);
    await okta.close();
  },
  extension: async ({}, use) => {
    const extension = await launchWithExtension();
    await use(extension);
    await extension.close();
  },
  context: async ({ extension }, use) => use(extension.context),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  serviceWorker: async ({ extension }, use) => use(await extension.serviceWorker()),
  openExtensionPage: async ({ extension }, use) => {
    await use(async (name) => {
      const page = await extension.context.newPage();
      await page.goto(extension.extensionUrl(name));
      return page;
    });
  },
  connect: async ({ openExtensionPage, okta }, use) => {
    await use(async () => {
      const page = await openExtensionPage('options.html');
      await connectFrom(page, okta);
      await page.close();
    });
  },
});

/** The same fixtures with a 20,000-user org behind 10 ms of latency: a full sync long enough to act on while it runs. */
export const testWithLargeOrg = test.extend<{ okta: FakeOkta }>({
  okta: async ({}, use) => {
    const okta = await startFakeOkta({ port: 0, users: 20_000, groups: 40, apps: 8, seed: 7, token: FAKE_TOKEN, latency: 10 });
    await use(okta);
    await okta.close();
  },
});

/** How many pages of /api/v1/users the fake has answered. */
export const usersPagesServed = (okta: FakeOkta): number => okta.requests.filter((r) => r.path === '/api/v1/users' && r.status === 200).length;

export { expect } from '@playwright/test';
