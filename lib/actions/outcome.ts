import type { AuditOutcome } from './audit';
import type { OneTimeSecret } from './types';

/** What the panel shows after an action: the change, or Okta's error code and sentence, or why it was refused. */
export interface ActionOutcome {
  actionId: string;
  label: string;
  outcome: AuditOutcome;
  /** The result summary, Okta's error sentence, or the refusal reason. */
  detail: string;
  errorCode: string | null;
  requestIds: string[];
  /** Shown once in the panel; never stored or logged. */
  secret: OneTimeSecret | null;
  /** The user acted on (the created user for Create user). */
  userId: string | null;
  /** A short note for the ticket's internal comment. */
  note: string;
}

export type StepState = 'pending' | 'running' | 'success' | 'failure' | 'refused' | 'skipped';

export interface PlaybookProgress {
  runId: string;
  playbookId: string;
  label: string;
  steps: { actionId: string; label: string; state: StepState; detail: string | null; errorCode: string | null }[];
  done: boolean;
}
