import { OktaError, getUser, type OktaClient, type User } from '@/lib/okta';
import { describeOktaError } from '@/lib/okta/errors';
import type { Settings } from '@/lib/settings/schema';
import type { AuditEntry, AuditOutcome, AuditSource, TicketRef } from './audit';
import { ticketNote, withoutSecrets } from './audit';
import { gateRefusal, type Confirmation } from './gate-check';
import type { ActionOutcome } from './outcome';
import { recordingClient } from './recording-client';
import { findAction, gateOf, isAllowedInStatus } from './registry';
import type { ActionDefinition, ActionResult } from './types';

export interface AgentRef {
  id: string;
  login: string;
}

/** What the runner needs from the background; injected so tests can run it against a fake Okta. */
export interface RunnerDeps {
  client(): Promise<OktaClient>;
  settings(): Promise<Pick<Settings, 'gates' | 'playbooks'>>;
  agent(): Promise<AgentRef | null>;
  audit(entry: AuditEntry): Promise<unknown>;
  now(): Date;
}

export interface ActionRequest {
  actionId: string;
  /** The Okta user to act on; absent only for Create user. */
  userId?: string;
  inputs: Record<string, unknown>;
  confirmation: Confirmation;
  ticket: TicketRef | null;
  source: 'panel' | 'popup';
}

/** A request refused before anything reached Okta, with a sentence for the agent. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly errorCode: string | null = null,
  ) {
    super(message);
  }
}

export interface AttemptContext {
  action: ActionDefinition;
  inputs: Record<string, unknown>;
  ticket: TicketRef | null;
  source: AuditSource;
  playbook: AuditEntry['playbook'];
}

/**
 * One audited attempt: `prepare` fetches the target live and checks the rules (throwing a refusal),
 * then returns the Okta call to make. Whatever happens is written to the audit, without secrets.
 */
export async function attemptAction(
  deps: RunnerDeps,
  ctx: AttemptContext,
  prepare: (client: OktaClient, noteTarget: (user: User) => void) => Promise<(client: OktaClient) => Promise<ActionResult>>,
): Promise<ActionOutcome> {
  const base = await deps.client();
  const { client, requestIds } = recordingClient(base);
  let target: AuditEntry['target'] = null;
  let outcome: AuditOutcome;
  let detail: string;
  let errorCode: string | null = null;
  let result: ActionResult | null = null;
  try {
    const run = await prepare(client, (user) => {
      target = { id: user.id, login: user.profile.login };
    });
    result = await run(client);
    outcome = 'success';
    detail = result.summary;
    if (result.createdUserId) target = { id: result.createdUserId, login: String(ctx.inputs.login ?? '') || null };
  } catch (error) {
    if (error instanceof Refusal) {
      outcome = 'refused';
      detail = error.message;
      errorCode = error.errorCode;
    } else if (error instanceof OktaError) {
      outcome = 'failure';
      detail = error.sentence;
      errorCode = error.errorCode ?? null;
      if (error.requestId && !requestIds.includes(error.requestId)) requestIds.push(error.requestId);
    } else {
      outcome = 'failure';
      detail = error instanceof Error ? error.message : String(error);
    }
  }
  const agent = await deps.agent();
  const entry: AuditEntry = {
    time: deps.now().toISOString(),
    agent: agent?.login ?? 'unknown',
    agentId: agent?.id ?? null,
    action: ctx.action.id,
    target,
    inputs: withoutSecrets(ctx.inputs),
    ticket: ctx.ticket,
    source: ctx.source,
    requestIds,
    outcome,
    errorCode,
    detail,
    playbook: ctx.playbook,
  };
  await deps.audit(entry);
  return {
    actionId: ctx.action.id,
    label: ctx.action.label,
    outcome,
    detail,
    errorCode,
    requestIds,
    secret: result?.secret ?? null,
    userId: result?.createdUserId ?? target?.id ?? null,
    note: ticketNote({ ...entry, label: ctx.action.label }),
  };
}

/** Parses the inputs with the action's schema; a bad input is refused with the first problem. */
export function parseInputs(action: ActionDefinition, inputs: Record<string, unknown>): Record<string, unknown> {
  const parsed = action.input.safeParse(inputs);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0];
  throw new Refusal(`${action.label}: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}.`);
}

/** The user as Okta holds it now, refused when the action does not fit their current status. */
export async function liveTarget(
  client: OktaClient,
  action: ActionDefinition,
  userId: string,
  noteTarget: (user: User) => void,
): Promise<User> {
  const user = await getUser(client, userId);
  noteTarget(user);
  if (!isAllowedInStatus(action, user.status)) {
    // The same rule Okta applies: its error for it is E0000038.
    throw new Refusal(`${action.label} is not possible while the user is ${user.status}. ${describeOktaError('E0000038')}`, 'E0000038');
  }
  return user;
}

export function refuse(message: string): never {
  throw new Refusal(message);
}

/**
 * The background's entry point for one action: the action must exist, its inputs validate, the
 * target is fetched live from Okta, its current status must allow the action, and the gate
 * (disabled, confirm, or the user's CURRENT login typed) must be satisfied. Then Okta is called.
 * Every attempt, refused or not, is audited.
 */
export async function runAction(deps: RunnerDeps, request: ActionRequest): Promise<ActionOutcome> {
  const action = findAction(request.actionId);
  if (!action) throw new Error(`Deskside has no action "${request.actionId}".`);
  const gate = gateOf(action, (await deps.settings()).gates);
  const ctx: AttemptContext = { action, inputs: request.inputs, ticket: request.ticket, source: request.source, playbook: null };
  return attemptAction(deps, ctx, async (client, noteTarget) => {
    const inputs = parseInputs(action, request.inputs);
    if (action.target === 'new-user') {
      const refusal = gateRefusal(gate, request.confirmation, action.loginOf(inputs));
      if (refusal) refuse(refusal);
      return (c) => action.run({ client: c }, inputs);
    }
    if (!request.userId) refuse(`${action.label} needs the Okta user to act on.`);
    if (gate === 'disabled') refuse(gateRefusal(gate, request.confirmation, '')!);
    const user = await liveTarget(client, action, request.userId, noteTarget);
    const refusal = gateRefusal(gate, request.confirmation, user.profile.login);
    if (refusal) refuse(refusal);
    return (c) => action.run({ client: c, user }, inputs);
  });
}
