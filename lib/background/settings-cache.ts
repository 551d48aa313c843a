import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, loadStoredSettings, settingsItem } from '@/lib/settings/store';

/**
 * How long what is only shown (the panel's first render, a card's admin-console link) waits for the
 * managed policy before it uses the settings as saved. Right after the browser starts, Chrome
 * answers storage.managed only once it has loaded its policies: seen here to take over 2 s.
 */
export const DISPLAY_POLICY_WAIT_MS = 100;

export interface SettingsCache {
  /** The settings with the managed policy applied. */
  settings(): Promise<Settings>;
  /** The settings as saved, without the managed policy. */
  stored(): Promise<Settings>;
  /** For what is only shown: `settings()`, or `stored()` when the policy has not answered within DISPLAY_POLICY_WAIT_MS. */
  forDisplay(): Promise<Settings>;
}

/** A read kept until it is forgotten; a failed read is not kept. */
function keptRead<T>(read: () => Promise<T>): { get(): Promise<T>; forget(): void } {
  let value: Promise<T> | undefined;
  return {
    get() {
      if (!value) {
        const reading = read();
        value = reading;
        reading.catch(() => {
          if (value === reading) value = undefined;
        });
      }
      return value;
    },
    forget() {
      value = undefined;
    },
  };
}

/**
 * The worker's settings, kept between reads and read again once the saved settings or the managed
 * policy change: otherwise every card and every message would first wait on storage reads in the
 * browser process, which is busiest just when a helpdesk page loads.
 */
export function createSettingsCache(): SettingsCache {
  const withPolicy = keptRead(loadSettings);
  const saved = keptRead(loadStoredSettings);
  settingsItem.watch(() => {
    withPolicy.forget();
    saved.forget();
  });
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') withPolicy.forget();
  });
  return {
    settings: withPolicy.get,
    stored: saved.get,
    async forDisplay() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DISPLAY_POLICY_WAIT_MS)));
      const settings = await Promise.race([withPolicy.get(), late]).finally(() => clearTimeout(timer));
      return settings ?? saved.get();
    },
  };
}
