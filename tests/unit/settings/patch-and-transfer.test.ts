import { describe, expect, it } from 'vitest';
import { changesDirectoryContents, issuesOf, SettingsPatch } from '@/lib/settings/patch';
import { DEFAULT_SETTINGS, Settings, SyncSettings } from '@/lib/settings/schema';
import { normalizeHelpdeskOrigin } from '@/lib/settings/self-hosted';
import { exportSettings, parseSettingsFile } from '@/lib/settings/transfer';

describe('settings patch', () => {
  it('refuses connection fields: those change only through a tested connection', () => {
    const parsed = SettingsPatch.safeParse({ oktaDomain: 'https://evil.example' });
    expect(parsed.success).toBe(false);
  });

  it('gives a specific message per bad sync field', () => {
    const parsed = SettingsPatch.safeParse({
      sync: { ...DEFAULT_SETTINGS.sync, fullIntervalHours: 0, incrementalIntervalMinutes: Number.NaN, budgetShare: 0.95, includeStatuses: [] },
    });
    expect(parsed.success).toBe(false);
    const issues = issuesOf(parsed.error!);
    const at = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(at('sync.fullIntervalHours')).toMatch(/1 to 168/);
    expect(at('sync.incrementalIntervalMinutes')).toMatch(/1 to 1440/);
    expect(at('sync.budgetShare')).toMatch(/10% to 90%/);
    expect(at('sync.includeStatuses')).toMatch(/at least one status/);
  });

  it('refuses a chosen scope with nothing chosen', () => {
    const parsed = SyncSettings.safeParse({ scope: { mode: 'selected', groupIds: [], appIds: [] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at least one group or app/);
  });

  it('needs a full sync only when what is synced changes, not for order or intervals', () => {
    const base = SyncSettings.parse({ scope: { mode: 'selected', groupIds: ['g1', 'g2'], appIds: [] } });
    expect(changesDirectoryContents(base, { ...base, fullIntervalHours: 8, incrementalIntervalMinutes: 5, budgetShare: 0.3 })).toBe(false);
    expect(changesDirectoryContents(base, { ...base, scope: { mode: 'selected', groupIds: ['g2', 'g1'], appIds: [] } })).toBe(false);
    expect(changesDirectoryContents(base, { ...base, includeStatuses: [...base.includeStatuses].reverse() })).toBe(false);
    expect(changesDirectoryContents(base, { ...base, scope: { mode: 'selected', groupIds: ['g1'], appIds: [] } })).toBe(true);
    expect(changesDirectoryContents(base, { ...base, scope: { mode: 'all' } })).toBe(true);
    expect(changesDirectoryContents(base, { ...base, importGroups: false })).toBe(true);
    expect(changesDirectoryContents(base, { ...base, includeStatuses: [...base.includeStatuses, 'SUSPENDED'] })).toBe(true);
  });
});

describe('settings export and import', () => {
  const settings = Settings.parse({
    oktaDomain: 'https://acme.okta.com',
    authMode: 'ssws',
    fieldMap: [{ attribute: 'employmentType', label: 'Employment type' }],
    selfHosted: [{ origin: 'https://help.acme.com', helpdesk: 'osticket' }],
    gates: { deactivate: 'typed' },
  });

  it('round-trips every admin setting', () => {
    const file = exportSettings(settings, new Date('2026-01-02T03:04:05Z'));
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, file });
    expect(file.settings.fieldMap).toEqual(settings.fieldMap);
    expect(file.settings.selfHosted).toEqual(settings.selfHosted);
  });

  it('carries no credential field', () => {
    const keys: string[] = [];
    JSON.stringify(exportSettings(settings), (key, value: unknown) => (keys.push(key), value));
    expect(keys.filter((k) => /token|secret|password|credential/i.test(k))).toEqual([]);
  });

  it('refuses a file with anything beyond the known settings, such as a token, and says where', () => {
    const file = exportSettings(settings) as unknown as { settings: Record<string, unknown> };
    file.settings.apiToken = 'leaked';
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/settings.*Nothing was changed/);
  });

  it('refuses text that is not JSON, and JSON that is not a settings file', () => {
    expect(parseSettingsFile('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(parseSettingsFile('{"hello":1}')).toMatchObject({ ok: false, message: expect.stringMatching(/format/) });
  });

  it('refuses invalid values inside a file (a bad field map entry)', () => {
    const file = exportSettings(settings);
    const bad = { ...file, settings: { ...file.settings, fieldMap: [{ attribute: 'bad attr!', label: 'X' }] } };
    expect(parseSettingsFile(JSON.stringify(bad))).toMatchObject({ ok: false, message: expect.stringMatching(/fieldMap\.0\.attribute/) });
  });
});

describe('self-hosted helpdesk address', () => {
  it('keeps only the origin of what the admin typed', () => {
    expect(normalizeHelpdeskOrigin('help.acme.com/scp/tickets.php?id=1')).toEqual({ ok: true, origin: 'https://help.acme.com' });
    expect(normalizeHelpdeskOrigin('http://rt.intranet.example:8080/Ticket')).toEqual({ ok: true, origin: 'http://rt.intranet.example:8080' });
  });

  it('refuses what is not a helpdesk address, with a reason', () => {
    expect(normalizeHelpdeskOrigin('')).toMatchObject({ ok: false, reason: expect.stringMatching(/Enter/) });
    expect(normalizeHelpdeskOrigin('ftp://files.acme.com')).toMatchObject({ ok: false });
    expect(normalizeHelpdeskOrigin('https://user:pw@help.acme.com')).toMatchObject({ ok: false, reason: expect.stringMatching(/password/) });
    expect(normalizeHelpdeskOrigin('intranet')).toMatchObject({ ok: false, reason: expect.stringMatching(/full host name/) });
    expect(normalizeHelpdeskOrigin('acme.zendesk.com')).toMatchObject({ ok: false, reason: expect.stringMatching(/zendesk/) });
  });
});
