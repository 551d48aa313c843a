import { getUserSchema } from '@/lib/okta/users';
import type { SaveSettingsResult, SettingsView, UserAttribute } from '@/lib/messaging/messages/settings';
import type { Handlers } from '@/lib/messaging/router';
import { normalizeOrgUrl } from '@/lib/okta/org-url';
import { lockedFields, readManagedPolicy } from '@/lib/settings/managed';
import { changesDirectoryContents, issuesOf, SettingsPatch } from '@/lib/settings/patch';
import type { Settings } from '@/lib/settings/schema';
import { normalizeHelpdeskOrigin } from '@/lib/settings/self-hosted';
import { loadSettings, loadStoredSettings, updateSettings } from '@/lib/settings/store';
import { SettingsExport } from '@/lib/settings/transfer';
import { forgetSelfHosted, hasHostPermission, reconcileSelfHosted, registerSelfHosted } from '../content-script-registration';
import type { BackgroundServices } from '../services';

type SettingsHandlers = Pick<Handlers, 'getSettings' | 'saveSettings' | 'importSettings' | 'getUserSchema' | 'addSelfHosted' | 'removeSelfHosted'>;

const fail = (path: string, message: string): SaveSettingsResult => ({ ok: false, issues: [{ path, message }] });

export function settingsHandlers(services: BackgroundServices): SettingsHandlers {
  async function view(settings?: Settings): Promise<SettingsView> {
    const current = settings ?? (await loadSettings());
    const policy = await readManagedPolicy();
    return { settings: current, policy, locked: lockedFields(policy), missingPermissions: await reconcileSelfHosted(current.selfHosted) };
  }

  /** Saves, then lets the scheduler and the directory follow: new alarm periods, and a full sync when the directory's contents change. */
  async function apply(patch: Partial<Settings>): Promise<SaveSettingsResult> {
    const before = await loadSettings();
    const after = await updateSettings(patch);
    const { connected } = await services.status();
    let fullSyncStarted = false;
    if (connected) {
      await services.directory.schedule();
      if (changesDirectoryContents(before.sync, after.sync)) {
        void services.directory.syncNow('full');
        fullSyncStarted = true;
      }
    }
    return { ok: true, view: await view(after), fullSyncStarted };
  }

  return {
    getSettings: () => view(),
    async saveSettings({ patch }) {
      const parsed = SettingsPatch.safeParse(patch);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      return apply(parsed.data);
    },
    async importSettings({ file, useDomain }) {
      const parsed = SettingsExport.safeParse(file);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      const { oktaDomain, authMode, oauthClientId, selfHosted, ...rest } = parsed.data.settings;
      const patch: Partial<Settings> = { ...rest };
      if (useDomain && oktaDomain) {
        const normalized = normalizeOrgUrl(oktaDomain, { allowCustomDomain: true });
        if (!normalized.ok) return fail('settings.oktaDomain', normalized.reason);
        Object.assign(patch, { oktaDomain: normalized.origin, authMode, oauthClientId });
      }
      const helpdesks: Settings['selfHosted'] = [];
      for (const entry of selfHosted) {
        const origin = normalizeHelpdeskOrigin(entry.origin);
        if (!origin.ok) return fail('settings.selfHosted', origin.reason);
        helpdesks.push({ origin: origin.origin, helpdesk: entry.helpdesk });
      }
      patch.selfHosted = helpdesks;
      // Origins the page obtained permission for are registered by view(); the rest are listed as missing.
      return apply(patch);
    },
    async getUserSchema() {
      const schema = await getUserSchema(await services.session.client());
      const attributes = (section: { properties: Record<string, { title: string }> }, custom: boolean): UserAttribute[] =>
        Object.entries(section.properties).map(([attribute, p]) => ({ attribute, title: p.title, custom }));
      return [...attributes(schema.definitions.base, false), ...attributes(schema.definitions.custom, true)];
    },
    async addSelfHosted({ origin: typed, helpdesk }) {
      const origin = normalizeHelpdeskOrigin(typed);
      if (!origin.ok) return fail('origin', origin.reason);
      if (!(await hasHostPermission(origin.origin))) {
        return fail('origin', `Deskside was not given access to ${origin.origin}. Click Add again and choose Allow in the browser’s prompt.`);
      }
      const settings = await loadStoredSettings();
      const selfHosted = [...settings.selfHosted.filter((s) => s.origin !== origin.origin), { origin: origin.origin, helpdesk }];
      const result = await apply({ selfHosted });
      if (result.ok) await registerSelfHosted(origin.origin);
      return result;
    },
    async removeSelfHosted({ origin }) {
      const settings = await loadStoredSettings();
      const policy = await readManagedPolicy();
      if (policy.selfHostedOrigins?.includes(origin)) {
        return fail('origin', `${origin} is set by your organisation’s policy and cannot be removed here.`);
      }
      await forgetSelfHosted(origin);
      return apply({ selfHosted: settings.selfHosted.filter((s) => s.origin !== origin) });
    },
  };
}
