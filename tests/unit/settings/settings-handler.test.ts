import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsHandlers } from '@/lib/background/handlers/settings';
import type { BackgroundServices } from '@/lib/background/services';
import type { HandlerContext } from '@/lib/messaging/router';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { loadStoredSettings } from '@/lib/settings/store';
import { exportSettings } from '@/lib/settings/transfer';

const ctx = {} as HandlerContext;

function fakeServices(connected: boolean) {
  const schedule = vi.fn(async () => {});
  const syncNow = vi.fn(async () => {});
  const services = {
    status: async () => ({ connected }),
    directory: { schedule, syncNow },
  } as unknown as BackgroundServices;
  return { services, schedule, syncNow };
}

beforeEach(() => {
  // The fake browser has no scripting or permissions; these stand in for a browser with no registrations and no optional hosts granted.
  Object.assign(fakeBrowser, {
    scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => {}, unregisterContentScripts: async () => {} },
    permissions: { contains: async () => false, remove: async () => true },
  });
});

describe('saveSettings', () => {
  it('re-schedules after a change of intervals, without a full sync', async () => {
    const { services, schedule, syncNow } = fakeServices(true);
    const result = await settingsHandlers(services).saveSettings({ patch: { sync: { ...DEFAULT_SETTINGS.sync, fullIntervalHours: 12 } } }, ctx);
    expect(result).toMatchObject({ ok: true, fullSyncStarted: false });
    expect(schedule).toHaveBeenCalledOnce();
    expect(syncNow).not.toHaveBeenCalled();
    expect((await loadStoredSettings()).sync.fullIntervalHours).toBe(12);
  });

  it('starts a full sync when the statuses, the scope or "Import groups" change', async () => {
    for (const sync of [
      { ...DEFAULT_SETTINGS.sync, includeStatuses: ['ACTIVE'] },
      { ...DEFAULT_SETTINGS.sync, scope: { mode: 'selected', groupIds: ['00g1'], appIds: [] } },
      { ...DEFAULT_SETTINGS.sync, importGroups: false },
    ]) {
      await fakeBrowser.storage.local.clear();
      const { services, syncNow } = fakeServices(true);
      const result = await settingsHandlers(services).saveSettings({ patch: { sync } }, ctx);
      expect(result).toMatchObject({ ok: true, fullSyncStarted: true });
      expect(syncNow).toHaveBeenCalledWith('full');
    }
  });

  it('does not schedule or sync while not connected', async () => {
    const { services, schedule, syncNow } = fakeServices(false);
    await settingsHandlers(services).saveSettings({ patch: { sync: { ...DEFAULT_SETTINGS.sync, importGroups: false } } }, ctx);
    expect(schedule).not.toHaveBeenCalled();
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('answers bad input with issues per field and keeps what was saved', async () => {
    const { services } = fakeServices(true);
    const handlers = settingsHandlers(services);
    await handlers.saveSettings({ patch: { fieldMap: [{ attribute: 'title', label: 'Job title' }] } }, ctx);
    const result = await handlers.saveSettings({ patch: { fieldMap: [{ attribute: 'title', label: '' }], sync: { ...DEFAULT_SETTINGS.sync, fullIntervalHours: 500 } } }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual(
        expect.arrayContaining([
          { path: 'fieldMap.0.label', message: 'Give the field a label.' },
          { path: 'sync.fullIntervalHours', message: expect.stringMatching(/1 to 168/) },
        ]),
      );
    }
    const stored = await loadStoredSettings();
    expect(stored.fieldMap).toEqual([{ attribute: 'title', label: 'Job title' }]);
    expect(stored.sync.fullIntervalHours).toBe(4);
  });

  it('refuses to change the connection through settings', async () => {
    const { services } = fakeServices(true);
    const result = await settingsHandlers(services).saveSettings({ patch: { oktaDomain: 'https://evil.example' } }, ctx);
    expect(result.ok).toBe(false);
    expect((await loadStoredSettings()).oktaDomain).toBeNull();
  });
});

describe('importSettings', () => {
  const file = exportSettings({ ...DEFAULT_SETTINGS, oktaDomain: 'https://acme.okta.com', authMode: 'ssws', fieldMap: [{ attribute: 'division', label: 'Division' }] });

  it('uses the file’s Okta domain only when the admin confirmed it', async () => {
    const { services } = fakeServices(false);
    const handlers = settingsHandlers(services);
    await handlers.importSettings({ file, useDomain: false }, ctx);
    expect(await loadStoredSettings()).toMatchObject({ oktaDomain: null, fieldMap: [{ attribute: 'division', label: 'Division' }] });
    await handlers.importSettings({ file, useDomain: true }, ctx);
    expect(await loadStoredSettings()).toMatchObject({ oktaDomain: 'https://acme.okta.com', authMode: 'ssws' });
  });

  it('lists imported self-hosted helpdesks without a granted permission as waiting for access', async () => {
    const { services } = fakeServices(false);
    const withHelpdesk = { ...file, settings: { ...file.settings, selfHosted: [{ origin: 'https://help.acme.com/', helpdesk: 'osticket' }] } };
    const result = await settingsHandlers(services).importSettings({ file: withHelpdesk, useDomain: false }, ctx);
    expect(result).toMatchObject({ ok: true, view: { missingPermissions: ['https://help.acme.com'] } });
    expect((await loadStoredSettings()).selfHosted).toEqual([{ origin: 'https://help.acme.com', helpdesk: 'osticket' }]);
  });

  it('refuses a file that is not a settings export and changes nothing', async () => {
    const { services } = fakeServices(false);
    const result = await settingsHandlers(services).importSettings({ file: { format: 'other' }, useDomain: true }, ctx);
    expect(result.ok).toBe(false);
    expect(await loadStoredSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('self-hosted helpdesks', () => {
  it('refuses to add a host the browser has not granted', async () => {
    const { services } = fakeServices(true);
    const result = await settingsHandlers(services).addSelfHosted({ origin: 'help.acme.com', helpdesk: 'auto' }, ctx);
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'origin', message: expect.stringMatching(/not given access to https:\/\/help\.acme\.com/) }] });
    expect((await loadStoredSettings()).selfHosted).toEqual([]);
  });

  it('adds a granted host and registers the content script for it, then removes both', async () => {
    const registered: { id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean }[] = [];
    const removedPermissions: unknown[] = [];
    Object.assign(fakeBrowser, {
      scripting: {
        getRegisteredContentScripts: async (filter?: { ids?: string[] }) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
        registerContentScripts: async (scripts: typeof registered) => void registered.push(...scripts),
        unregisterContentScripts: async ({ ids }: { ids: string[] }) => void registered.splice(0, registered.length, ...registered.filter((s) => !ids.includes(s.id))),
      },
      permissions: { contains: async () => true, remove: async (p: unknown) => (removedPermissions.push(p), true) },
    });
    const { services } = fakeServices(true);
    const handlers = settingsHandlers(services);
    const added = await handlers.addSelfHosted({ origin: 'https://help.acme.com/scp/tickets.php?id=1', helpdesk: 'osticket' }, ctx);
    expect(added.ok).toBe(true);
    expect(registered).toEqual([
      expect.objectContaining({ matches: ['https://help.acme.com/*'], js: ['content-scripts/content.js'], persistAcrossSessions: true }),
    ]);
    expect((await loadStoredSettings()).selfHosted).toEqual([{ origin: 'https://help.acme.com', helpdesk: 'osticket' }]);

    await handlers.removeSelfHosted({ origin: 'https://help.acme.com' }, ctx);
    expect(registered).toEqual([]);
    expect(removedPermissions).toEqual([{ origins: ['https://help.acme.com/*'] }]);
    expect((await loadStoredSettings()).selfHosted).toEqual([]);
  });
});
