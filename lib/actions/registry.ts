import type { Gate, Settings } from '@/lib/settings/schema';
import type { UserStatus } from '@/lib/okta';
import { activateAction } from './entries/activate';
import { addGroupAction } from './entries/add-group';
import { assignAppAction } from './entries/assign-app';
import { createUserAction } from './entries/create-user';
import { deactivateAction } from './entries/deactivate';
import { deleteAction } from './entries/delete';
import { editProfileAction } from './entries/edit-profile';
import { expirePasswordAction } from './entries/expire-password';
import { reactivateAction } from './entries/reactivate';
import { removeAllGroupsAction } from './entries/remove-all-groups';
import { removeAppAction } from './entries/remove-app';
import { removeFactorAction } from './entries/remove-factor';
import { removeGroupAction } from './entries/remove-group';
import { resetMfaAction } from './entries/reset-mfa';
import { resetPasswordAction } from './entries/reset-password';
import { revokeSessionsAction } from './entries/revoke-sessions';
import { suspendAction } from './entries/suspend';
import { tempPasswordAction } from './entries/temp-password';
import { unlockAction } from './entries/unlock';
import { unsuspendAction } from './entries/unsuspend';
import type { ActionDefinition } from './types';

export type { ActionDefinition, ActionInputField, ActionResult, Danger, OneTimeSecret } from './types';

/** Every Okta action Deskside offers, in the order the panel shows them. */
export const ACTIONS: readonly ActionDefinition[] = [
  resetPasswordAction,
  tempPasswordAction,
  expirePasswordAction,
  resetMfaAction,
  removeFactorAction,
  revokeSessionsAction,
  unlockAction,
  suspendAction,
  unsuspendAction,
  activateAction,
  reactivateAction,
  deactivateAction,
  deleteAction,
  addGroupAction,
  removeGroupAction,
  removeAllGroupsAction,
  assignAppAction,
  removeAppAction,
  editProfileAction,
  createUserAction,
];

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]));

export function findAction(id: string): ActionDefinition | undefined {
  return BY_ID.get(id);
}

export function isAllowedInStatus(action: ActionDefinition, status: UserStatus): boolean {
  return action.allowedStatuses.includes(status);
}

/** The gate an admin set in the options, else the action's default. */
export function gateOf(action: Pick<ActionDefinition, 'id' | 'defaultGate'>, gates: Settings['gates']): Gate {
  return gates[action.id] ?? action.defaultGate;
}
