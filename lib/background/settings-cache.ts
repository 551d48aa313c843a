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

/** A read still unanswered after this long is asked again by the next caller. */
const READ_AGAIN_AFTER_MS = 1000;

/**
 * A read whose value is kept until it is forgotten, and the read in flight shared meanwhile. A read
 * overtaken by a change is not kept. A storage.managed read made as the worker starts with the
 * browser was seen to go unanswered for seconds, or not at all, while later reads were answered:
 * a read left waiting that long is not shared with later callers.
 */
function keptRead<T>(read: () => Promise<T>) {
  let known: { value: T } | undefined;
  let inFlight: { value: Promise<T>; since: number } | undefined;
  let changes = 0;
  const start = () => {
    const changesBefore = changes;
    const entry = { value: read(), since: Date.now() };
    inFlight = entry;
    entry.value.then(
      (value) => {
        if (changes !== changesBefore) return;
        known = { value };
        inFlight = undefined;
      },
      () => {
        if (inFlight === entry) inFlight = undefined;
      },
    );
    return entry.value;
  };
  return {
    get(): Promise<T> {
      if (known) return Promise.resolve(known.value);
      return inFlight && Date.now() - inFlight.since < READ_AGAIN_AFTER_MS ? inFlight.value : start();
    },
    /** Whether a read has been asked and not answered yet. */
    waiting(): boolean {
      return !known && inFlight !== undefined;
    },
    forget() {
      known = undefined;
      inFlight = undefined;
      changes++;
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
  /** Set once what is only shown stopped waiting for the policy; it is not waited for again until it answers. */
  let policyLate = false;
  settingsItem.watch(() => {
    withPolicy.forget();
    saved.forget();
    policyLate = false;
  });
  browser.storage.onChanged.addListener((_, area) => {
    if (area !== 'managed') return;
    withPolicy.forget();
    policyLate = false;
  });
  return {
    settings: withPolicy.get,
    stored: saved.get,
    async forDisplay() {
      if (policyLate && withPolicy.waiting()) return saved.get();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DISPLAY_POLICY_WAIT_MS)));
      const settings = await Promise.race([withPolicy.get(), late]).finally(() => clearTimeout(timer));
      if (settings) return settings;
      policyLate = true;
      return saved.get();
    },
  };
}
