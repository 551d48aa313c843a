import { z } from 'zod';
import type { FieldIssue } from '@/lib/settings/patch';
import type { ManagedPolicy } from '@/lib/settings/managed';
import type { Settings } from '@/lib/settings/schema';
import { message } from '../define';

/** The settings as the options page sees them, with what the managed policy locks. */
export interface SettingsView {
  settings: Settings;
  policy: ManagedPolicy;
  /** Names of the policy's fields that are set (oktaDomain, oauthClientId, gates, selfHostedOrigins). */
  locked: string[];
  /** Self-hosted origins whose host permission is missing (for example added by policy), so nothing runs there yet. */
  missingPermissions: string[];
}

export type SaveSettingsResult =
  | { ok: true; view: SettingsView; fullSyncStarted: boolean }
  | { ok: false; issues: FieldIssue[] };

export interface UserAttribute {
  attribute: string;
  title: string;
  custom: boolean;
}

export const settingsMessages = {
  getSettings: message<SettingsView>()(z.undefined(), ['extension-page']),
  /** Validated in the handler, so a bad value comes back as issues per field and nothing is saved. */
  saveSettings: message<SaveSettingsResult>()(z.object({ patch: z.record(z.string(), z.unknown()) }), ['extension-page']),
  /** An exported settings file; `useDomain` is the admin's confirmation of the file's Okta domain. */
  importSettings: message<SaveSettingsResult>()(z.object({ file: z.unknown(), useDomain: z.boolean() }), ['extension-page']),
  /** The org's user profile attributes, base and custom, for the field map. */
  getUserSchema: message<UserAttribute[]>()(z.undefined(), ['extension-page']),
  /** After the page obtained the host permission: records the helpdesk and registers the content script there. */
  addSelfHosted: message<SaveSettingsResult>()(z.object({ origin: z.string().max(300), helpdesk: z.string().max(40) }), ['extension-page']),
  removeSelfHosted: message<SaveSettingsResult>()(z.object({ origin: z.string().max(300) }), ['extension-page']),
};
