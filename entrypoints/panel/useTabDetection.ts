import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabStateKey } from '@/lib/background/detections';
import { Detection } from '@/lib/detect/types';

/** The tab's current detection, kept fresh from storage.session as the agent moves between tickets. */
export function useTabDetection(tabId: number | null, initial: Detection | null): Detection | null {
  const [detection, setDetection] = useState<Detection | null>(initial);
  useEffect(() => setDetection(initial), [initial]);
  useEffect(() => {
    if (tabId === null) return;
    const key = tabStateKey(tabId);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const state = changes[key]?.newValue as { detection?: unknown } | undefined;
      const parsed = Detection.nullable().safeParse(state?.detection ?? null);
      setDetection(parsed.success ? parsed.data : null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [tabId]);
  return detection;
}
