import type { UserStatus } from '@/lib/okta';
import type { Gate, Settings } from '@/lib/settings/schema';
import { effectivePlaybooks, type PlaybookDefinition } from './playbooks';
import { ACTIONS, findAction, gateOf, isAllowedInStatus } from './registry';
import type { ActionDefinition } from './types';

export interface OfferedAction {
  action: ActionDefinition;
  gate: Gate;
}

export interface OfferedPlaybook {
  playbook: PlaybookDefinition;
  gate: Gate;
}

/** Actions on the card's action bar for a user in `status`: allowed by Okta's status rule and not disabled by the admin. */
export function offeredActions(status: UserStatus, gates: Settings['gates']): OfferedAction[] {
  return ACTIONS.filter((action) => action.target === 'user' && action.inActionBar && isAllowedInStatus(action, status))
    .map((action) => ({ action, gate: gateOf(action, gates) }))
    .filter(({ gate }) => gate !== 'disabled');
}

/** Whether an action (a row's Remove, a factor's Remove) may be offered for a user in `status`. */
export function canOffer(actionId: string, status: UserStatus, gates: Settings['gates']): boolean {
  const action = findAction(actionId);
  return Boolean(action && isAllowedInStatus(action, status) && gateOf(action, gates) !== 'disabled');
}

/** Playbooks whose first step fits the user's status, unless an admin disabled them. */
export function offeredPlaybooks(status: UserStatus, settings: Pick<Settings, 'gates' | 'playbooks'>): OfferedPlaybook[] {
  return effectivePlaybooks(settings)
    .filter((playbook) => {
      const first = playbook.steps[0] && findAction(playbook.steps[0].actionId);
      return Boolean(first && isAllowedInStatus(first, status));
    })
    .map((playbook) => ({ playbook, gate: gateOf(playbook, settings.gates) }))
    .filter(({ gate }) => gate !== 'disabled');
}
