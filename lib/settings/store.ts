import { storage } from '#imports';
import { DEFAULT_SETTINGS, Settings } from './schema';
import { readManagedPolicy, applyManagedPolicy } from './managed';

/**
 * Settings live in storage.local: content scripts may read them (they hold no secrets) and need
 * the custom rules and enabled helpdesks. Version 1 is the first shape; later shapes add a
 * migration here and a fixture test for it.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, fills fields added since they were saved, and applies the managed policy. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const parsed = Settings.safeParse(stored);
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  return applyManagedPolicy(settings, await readManagedPolicy());
}

/** The settings as the admin saved them, without the managed policy applied (the base for edits). */
export async function loadStoredSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saves a partial update; refuses values that do not validate and leaves the saved ones intact. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = Settings.parse((await settingsItem.getValue()) ?? {});
  const next = Settings.parse({ ...current, ...patch });
  await settingsItem.setValue(next);
  return applyManagedPolicy(next, await readManagedPolicy());
}
