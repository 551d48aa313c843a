import { z } from 'zod';
import { CustomRule } from '@/lib/detect/custom-rule-schema';
import { UserStatus } from '@/lib/okta/schemas';

export const USER_STATUSES = UserStatus.options;

/** Statuses synced by default: the ones agents act on every day (the seeds leave out the same three). */
export const DEFAULT_INCLUDED_STATUSES: UserStatus[] = USER_STATUSES.filter(
  (s) => s !== 'STAGED' && s !== 'SUSPENDED' && s !== 'DEPROVISIONED',
);

export const Gate = z.enum(['none', 'confirm', 'typed', 'disabled']);
export type Gate = z.infer<typeof Gate>;

export const FieldMapEntry = z.object({
  attribute: z.string().min(1).max(100).regex(/^[A-Za-z_][\w.]*$/, 'An Okta attribute name has letters, digits, _ and .'),
  label: z.string().trim().min(1, 'Give the field a label.').max(60, 'Keep the label under 60 characters.'),
});
export type FieldMapEntry = z.infer<typeof FieldMapEntry>;

export const SyncScope = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z
    .object({ mode: z.literal('selected'), groupIds: z.array(z.string()).max(500), appIds: z.array(z.string()).max(500) })
    .refine((s) => s.groupIds.length + s.appIds.length > 0, 'Choose at least one group or app, or sync everyone.'),
]);
export type SyncScope = z.infer<typeof SyncScope>;

const FULL_HOURS = 'Enter a whole number of hours from 1 to 168 (a week).';
const INCREMENTAL_MINUTES = 'Enter a whole number of minutes from 1 to 1440 (a day).';
const BUDGET = 'Enter a share from 10% to 90%: the rest of each rate limit stays for agents and other integrations.';

export const SyncSettings = z.object({
  fullIntervalHours: z.number({ error: FULL_HOURS }).int(FULL_HOURS).min(1, FULL_HOURS).max(168, FULL_HOURS).default(4),
  incrementalIntervalMinutes: z
    .number({ error: INCREMENTAL_MINUTES })
    .int(INCREMENTAL_MINUTES)
    .min(1, INCREMENTAL_MINUTES)
    .max(1440, INCREMENTAL_MINUTES)
    .default(15),
  importGroups: z.boolean().default(true),
  includeStatuses: z.array(UserStatus).min(1, 'Choose at least one status to sync.').default(DEFAULT_INCLUDED_STATUSES),
  scope: SyncScope.default({ mode: 'all' }),
  /** Share of each Okta rate-limit bucket background sync may use; the rest stays for agents and other integrations. */
  budgetShare: z.number({ error: BUDGET }).min(0.1, BUDGET).max(0.9, BUDGET).default(0.5),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export const SelfHostedHelpdesk = z.object({
  origin: z.string().url().max(300),
  helpdesk: z.string().max(40),
});
export type SelfHostedHelpdesk = z.infer<typeof SelfHostedHelpdesk>;

export const CustomRuleSetting = CustomRule.extend({
  id: z.string().max(40),
  pickedOnPage: z.boolean().default(false),
});
export type CustomRuleSetting = z.infer<typeof CustomRuleSetting>;

export const PlaybookStep = z.object({
  actionId: z.string().max(60),
  inputs: z.record(z.string(), z.unknown()).default({}),
});
export const Playbook = z.object({
  id: z.string().max(60),
  label: z.string().min(1).max(80),
  steps: z.array(PlaybookStep).min(1).max(30),
});
export type Playbook = z.infer<typeof Playbook>;

/** Everything an admin configures. Secrets are not here: they live in the background's encrypted store. */
export const Settings = z.object({
  oktaDomain: z.string().max(300).nullable().default(null),
  authMode: z.enum(['oauth', 'ssws']).default('oauth'),
  oauthClientId: z.string().max(100).nullable().default(null),
  fieldMap: z.array(FieldMapEntry).max(40).default([
    { attribute: 'title', label: 'Title' },
    { attribute: 'department', label: 'Department' },
    { attribute: 'manager', label: 'Manager' },
  ]),
  sync: SyncSettings.default(SyncSettings.parse({})),
  /** Built-in helpdesk id → enabled. Missing means enabled. */
  helpdesks: z.record(z.string(), z.boolean()).default({}),
  selfHosted: z.array(SelfHostedHelpdesk).max(50).default([]),
  customRules: z.array(CustomRuleSetting).max(200).default([]),
  /** Action id → gate. Missing means the action's default gate. */
  gates: z.record(z.string(), Gate).default({}),
  /** Admin-edited playbooks; built-ins are used for ids not present here. */
  playbooks: z.array(Playbook).max(30).default([]),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
