import type { BrowserContext } from '@playwright/test';

/**
 * Grants the extension a host the way an admin can in chrome://extensions › Details › Site access: that page
 * calls chrome.developerPrivate.addHostPermission. Playwright cannot click Chromium's native permission prompt,
 * so the grant comes first and the options page's permissions.request (made in the Add click) then resolves at
 * once, as it does when the permission is already held.
 */
export async function allowSiteAccess(context: BrowserContext, extensionId: string, pattern: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    ([id, host]) =>
      (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, host),
    [extensionId, pattern] as const,
  );
  await page.close();
}
