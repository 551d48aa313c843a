import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabStateKey } from '@/lib/background/detections';
import { Detection } from '@/lib/detect/types';

function detectionIn(state: unknown): Detection | null {
  const parsed = Detection.nullable().safeParse((state as { detection?: unknown } | undefined)?.detection ?? null);
  return parsed.success ? parsed.data : null;
}

/** The tab's current detection, kept fresh from storage.session as the agent moves between tickets. */
export function useTabDetection(tabId: number | null, initial: Detection | null): Detection | null {
  const [detection, setDetection] = useState<Detection | null>(initial);
  // Layout effects (in this order), and a read once listening: the panel may get its context before
  // the page's first detection is stored, and the frame loads hidden, where plain effects wait for a
  // paint that does not come; a change stored before the listener would otherwise be missed.
  useLayoutEffect(() => setDetection(initial), [initial]);
  useLayoutEffect(() => {
    if (tabId === null) return;
    const key = tabStateKey(tabId);
    let changed = false;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      changed = true;
      setDetection(detectionIn(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    void browser.storage.session.get(key).then((stored) => {
      if (!changed) setDetection(detectionIn(stored[key]));
    });
    return () => {
      changed = true;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [tabId]);
  return detection;
}
