import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';
import type { SaveSettingsResult, SettingsView } from '@/lib/messaging/messages/settings';
import type { FieldIssue, SettingsPatch } from '@/lib/settings/patch';

/** The settings through the background (which validates them and reacts to changes), with the last save's issues. */
export function useSettingsView() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setView(await sendMessage('getSettings'));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  /** Applies a result from any settings message: the new view, or the issues (nothing was saved). */
  const accept = useCallback((result: SaveSettingsResult): SaveSettingsResult => {
    if (result.ok) {
      setView(result.view);
      setIssues([]);
    } else {
      setIssues(result.issues);
    }
    return result;
  }, []);

  const save = useCallback(
    async (patch: SettingsPatch) => accept(await sendMessage('saveSettings', { patch: patch as Record<string, unknown> })),
    [accept],
  );
  return { view, issues, loadError, save, accept, reload };
}

/** The message for one field path (or anything under it) from the last save. */
export function issueAt(issues: FieldIssue[], path: string): string | null {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message ?? null;
}
