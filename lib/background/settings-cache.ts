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
  /** When the reads still waiting began to wait: a read asked again does not reset it. */
  let unansweredSince: number | undefined;
  let changes = 0;
  const start = () => {
    const changesBefore = changes;
    const entry = { value: read(), since: Date.now() };
    inFlight = entry;
    unansweredSince ??= entry.since;
    const settle = () => {
      if (changes !== changesBefore) return;
      inFlight = undefined;
      unansweredSince = undefined;
    };
    entry.value.then((value) => {
      if (changes === changesBefore) known = { value };
      settle();
    }, settle);
    return entry.value;
  };
  return {
    get(): Promise<T> {
      if (known) return Promise.resolve(known.value);
      return inFlight && Date.now() - inFlight.since < READ_AGAIN_AFTER_MS ? inFlight.value : start();
    },
    /** How long the read has been waiting for an answer (0 when its value is known or nothing is asked). */
    waitingFor(): number {
      return known || unansweredSince === undefined ? 0 : Date.now() - unansweredSince;
    },
    forget() {
      known = undefined;
      inFlight = undefined;
      unansweredSince = undefined;
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
      // A policy that has kept an earlier caller waiting is not waited for again.
      if (withPolicy.waitingFor() >= DISPLAY_POLICY_WAIT_MS) return saved.get();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DISPLAY_POLICY_WAIT_MS)));
      const settings = await Promise.race([withPolicy.get(), late]).finally(() => clearTimeout(timer));
      return settings ?? saved.get();
    },
  };
}
