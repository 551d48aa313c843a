import type { Gate, Playbook, Settings } from '@/lib/settings/schema';

export interface PlaybookDefinition extends Playbook {
  defaultGate: Gate;
}

/**
 * The playbooks every install has. An admin's playbook in settings.playbooks with the same id
 * replaces the built-in one; the Onboard baseline groups and app bundle are empty until an admin
 * fills them in (the steps then report that there was nothing to add).
 */
export const BUILT_IN_PLAYBOOKS: readonly PlaybookDefinition[] = [
  {
    id: 'offboard',
    label: 'Offboard',
    defaultGate: 'typed',
    steps: [
      { actionId: 'revoke-sessions', inputs: { oauthTokens: true } },
      { actionId: 'remove-all-groups', inputs: {} },
      { actionId: 'deactivate', inputs: {} },
    ],
  },
  {
    id: 'lost-device',
    label: 'Lost device',
    defaultGate: 'confirm',
    steps: [
      { actionId: 'revoke-sessions', inputs: { oauthTokens: true } },
      { actionId: 'suspend', inputs: {} },
    ],
  },
  {
    id: 'onboard',
    label: 'Onboard',
    defaultGate: 'confirm',
    steps: [
      { actionId: 'activate', inputs: { sendEmail: true } },
      { actionId: 'add-group', inputs: { groups: [] } },
      { actionId: 'assign-app', inputs: { apps: [] } },
    ],
  },
];

/** Built-ins overridden by id with the admin's playbooks, then the admin's own playbooks; gates default to confirm for new ones. */
export function effectivePlaybooks(settings: Pick<Settings, 'playbooks'>): PlaybookDefinition[] {
  const custom = new Map(settings.playbooks.map((playbook) => [playbook.id, playbook]));
  const builtIns = BUILT_IN_PLAYBOOKS.map((builtIn) => {
    const override = custom.get(builtIn.id);
    return override ? { ...override, defaultGate: builtIn.defaultGate } : builtIn;
  });
  const builtInIds = new Set(BUILT_IN_PLAYBOOKS.map((p) => p.id));
  const added = settings.playbooks
    .filter((playbook) => !builtInIds.has(playbook.id))
    .map((playbook): PlaybookDefinition => ({ ...playbook, defaultGate: 'confirm' }));
  return [...builtIns, ...added];
}
