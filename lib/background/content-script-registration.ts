import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_RUN_AT } from '@/lib/detect/hosts';
import { originPattern } from '@/lib/detect/match-pattern';
import type { SelfHostedHelpdesk } from '@/lib/settings/schema';

const ID_PREFIX = 'deskside-self-hosted:';

const scriptId = (origin: string) => `${ID_PREFIX}${new URL(origin).host}`;

export async function hasHostPermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/** Runs the content script on a self-hosted helpdesk from now on (and after restarts); needs its host permission. */
export async function registerSelfHosted(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.scripting.registerContentScripts([
    { id, matches: [originPattern(origin)], js: ['content-scripts/content.js'], runAt: CONTENT_SCRIPT_RUN_AT, persistAcrossSessions: true },
  ]);
}

export async function unregisterSelfHosted(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/** Stops running on a self-hosted helpdesk and gives its host permission back. */
export async function forgetSelfHosted(origin: string): Promise<void> {
  await unregisterSelfHosted(origin);
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

/**
 * Makes the registrations match the settings and the granted permissions: registers what is
 * missing, drops what is no longer configured or no longer permitted. Returns the origins that
 * are configured but lack their permission (the options page asks for it).
 */
export async function reconcileSelfHosted(selfHosted: readonly SelfHostedHelpdesk[]): Promise<string[]> {
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)),
  );
  const missing: string[] = [];
  const wanted = new Set<string>();
  for (const { origin } of selfHosted) {
    if (!(await hasHostPermission(origin))) {
      missing.push(origin);
      continue;
    }
    wanted.add(scriptId(origin));
    if (!registered.has(scriptId(origin))) await registerSelfHosted(origin);
  }
  const stale = [...registered].filter((id) => !wanted.has(id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  return missing;
}
