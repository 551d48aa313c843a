import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { loadSettings, settingsItem } from '@/lib/settings/store';

/** Settings already in hand when a view starts (the panel's document carries them), for its first render. */
export const InitialSettings = createContext<Settings>(DEFAULT_SETTINGS);

/** The current settings (managed policy applied), updated when they change. */
export function useSettings(): Settings {
  const initial = useContext(InitialSettings);
  const [settings, setSettings] = useState<Settings>(initial);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch(() => void loadSettings().then(setSettings));
  }, []);
  return settings;
}
