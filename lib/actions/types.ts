import type { z } from 'zod';
import type { OktaClient, User, UserStatus } from '@/lib/okta';
import type { Gate } from '@/lib/settings/schema';

export type Danger = 'low' | 'medium' | 'high';

/** How the panel asks for one input; the zod schema in `ActionDefinition.input` is the rule. */
export type ActionInputField =
  | { name: string; kind: 'boolean'; label: string; default: boolean }
  | { name: string; kind: 'group'; label: string; multiple: boolean }
  | { name: string; kind: 'app'; label: string; multiple: boolean }
  | { name: string; kind: 'factor'; label: string }
  | { name: string; kind: 'profile'; label: string }
  | { name: string; kind: 'text'; label: string; autocomplete?: string };

/** A one-time value Okta returned (temporary password, reset or activation link): shown once, never stored. */
export interface OneTimeSecret {
  label: string;
  value: string;
}

export interface ActionResult {
  /** One sentence for the agent and the audit log: what changed. */
  summary: string;
  secret?: OneTimeSecret;
  /** Set when the action left the user in a known new status. */
  status?: UserStatus;
  /** Set when the action created a user (Create user). */
  createdUserId?: string;
}

export interface ActionContext {
  client: OktaClient;
  /** The target as Okta holds it right now (fetched just before acting). */
  user: User;
}

interface ActionBase<I> {
  id: string;
  /** The button name. */
  label: string;
  /** What the action does, one sentence, shown in the confirmation. */
  description: string;
  danger: Danger;
  /** Okta's rule for which statuses allow the action; the panel offers it only for these. */
  allowedStatuses: readonly UserStatus[];
  defaultGate: Gate;
  /** Input fields in the order the panel shows them. */
  inputs: readonly ActionInputField[];
  /** Validates the inputs (from the panel, a playbook step or settings). */
  input: z.ZodType<I, Record<string, unknown>>;
  /** Extra words the command palette matches. */
  keywords: readonly string[];
  /** Shown on the card's action bar; false for actions offered only in context (a group row, an app row) or by playbooks. */
  inActionBar: boolean;
}

/** An action on an existing Okta user. */
export interface UserActionDefinition<I = Record<string, unknown>> extends ActionBase<I> {
  target: 'user';
  run(ctx: ActionContext, input: I): Promise<ActionResult>;
}

/** An action with no existing target (Create user); `allowedStatuses` is empty. */
export interface NewUserActionDefinition<I = Record<string, unknown>> extends ActionBase<I> {
  target: 'new-user';
  /** The login the new user will have: what a typed confirmation must match. */
  loginOf(input: I): string;
  run(ctx: { client: OktaClient }, input: I): Promise<ActionResult>;
}

export type ActionDefinition = UserActionDefinition | NewUserActionDefinition;

/** Erases the input type so definitions with different inputs share one list. */
export function defineUserAction<I>(definition: Omit<UserActionDefinition<I>, 'target'>): UserActionDefinition {
  return { ...definition, target: 'user' } as unknown as UserActionDefinition;
}

export function defineNewUserAction<I>(definition: Omit<NewUserActionDefinition<I>, 'target'>): NewUserActionDefinition {
  return { ...definition, target: 'new-user' } as unknown as NewUserActionDefinition;
}
