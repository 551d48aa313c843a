import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { loadSettings, settingsItem } from '@/lib/settings/store';

/** The current settings (managed policy applied), updated when they change. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch(() => void loadSettings().then(setSettings));
  }, []);
  return settings;
}
