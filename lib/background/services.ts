import type { ExtensionStatus } from '@/lib/messaging/views';
import { hasCredential } from '@/lib/settings/secrets';
import { identityItem } from '@/lib/settings/identity';
import { loadSettings } from '@/lib/settings/store';
import { createDirectoryService, type DirectoryService } from './directory-service';
import { createOktaSession, type OktaSession } from './okta-session';
import { createSettingsCache, type SettingsCache } from './settings-cache';

/** What the background's handlers share: the Okta session and the hooks between areas. */
export interface BackgroundServices {
  session: OktaSession;
  directory: DirectoryService;
  /** Settings for the card and document paths and the sender check; what acts on Okta reads them fresh. */
  settings: SettingsCache;
  status(): Promise<ExtensionStatus>;
  /** Runs after a connection is saved: schedules and starts a sync (a fresh directory when the org changed). */
  onConnected(orgChanged: boolean): Promise<void>;
}

export function createBackgroundServices(): BackgroundServices {
  const session = createOktaSession();
  const directory = createDirectoryService(session);
  return {
    session,
    directory,
    settings: createSettingsCache(),
    async status() {
      const settings = await loadSettings();
      const connected = settings.oktaDomain ? await hasCredential(settings.oktaDomain) : false;
      const identity = connected ? await identityItem.getValue() : null;
      return {
        oktaDomain: settings.oktaDomain,
        authMode: settings.authMode,
        connected,
        identity: identity ? { id: identity.id, login: identity.login, name: identity.name } : null,
        sync: connected ? await directory.health() : null,
      };
    },
    async onConnected(orgChanged) {
      if (orgChanged) await directory.clear();
      await directory.schedule();
      void directory.syncNow('full');
    },
  };
}
