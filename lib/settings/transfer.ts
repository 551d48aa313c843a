import { z } from 'zod';
import { Settings } from './schema';

export const EXPORT_FORMAT = 'deskside-settings';

/**
 * A team's settings as a file: everything an admin configures except credentials, which never
 * leave the background. The Okta domain travels too, but an import asks before using it.
 */
export const SettingsExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  settings: Settings.pick({
    oktaDomain: true,
    authMode: true,
    oauthClientId: true,
    fieldMap: true,
    sync: true,
    helpdesks: true,
    selfHosted: true,
    customRules: true,
    gates: true,
    playbooks: true,
  }).strict(),
});
export type SettingsExport = z.infer<typeof SettingsExport>;

export function exportSettings(settings: Settings, now = new Date()): SettingsExport {
  const { oktaDomain, authMode, oauthClientId, fieldMap, sync, helpdesks, selfHosted, customRules, gates, playbooks } = settings;
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    settings: { oktaDomain, authMode, oauthClientId, fieldMap, sync, helpdesks, selfHosted, customRules, gates, playbooks },
  };
}

export type ParsedImport = { ok: true; file: SettingsExport } | { ok: false; message: string };

/** Reads an exported settings file; says what is wrong with it rather than importing part of it. */
export function parseSettingsFile(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a file exported from Deskside’s Team rollout section.' };
  }
  const parsed = SettingsExport.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, message: `This is not a Deskside settings file Deskside can import${where}: ${issue?.message ?? 'invalid'}. Nothing was changed.` };
}
