import { z } from 'zod';
import { Settings, type SyncSettings } from './schema';

/**
 * What the options page may change through `saveSettings`. The connection (domain, sign-in method,
 * client id) changes only through the tested connection flow; self-hosted helpdesks only through
 * their own messages, which also handle the host permission and the content-script registration.
 */
export const SettingsPatch = Settings.pick({
  fieldMap: true,
  sync: true,
  helpdesks: true,
  customRules: true,
  gates: true,
  playbooks: true,
})
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export interface FieldIssue {
  /** Dotted path of the field, e.g. `sync.fullIntervalHours` or `fieldMap.2.label`. */
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Whether a change to the sync settings changes which records belong in the directory, so a full sync must rebuild it. */
export function changesDirectoryContents(before: SyncSettings, after: SyncSettings): boolean {
  const canonical = (s: SyncSettings) =>
    JSON.stringify([
      s.importGroups,
      [...s.includeStatuses].sort(),
      s.scope.mode === 'all' ? 'all' : [[...s.scope.groupIds].sort(), [...s.scope.appIds].sort()],
    ]);
  return canonical(before) !== canonical(after);
}
