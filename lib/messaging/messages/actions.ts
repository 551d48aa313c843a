import { z } from 'zod';
import type { AuditEntry } from '@/lib/actions/audit';
import type { EditableAttribute } from '@/lib/actions/editable-attributes';
import type { ActionOutcome, PlaybookProgress } from '@/lib/actions/outcome';
import { ACTIONS } from '@/lib/actions/registry';
import { message } from '../define';

const ActionId = z.enum(ACTIONS.map((action) => action.id) as [string, ...string[]]);

const Ticket = z.object({
  helpdesk: z.string().max(40),
  id: z.string().max(200).nullable(),
  url: z.string().url().max(2000),
});

const Confirmation = z.object({ confirmed: z.boolean(), typed: z.string().max(320).optional() });

const Source = z.enum(['panel', 'popup']);

export const actionMessages = {
  /** Runs one action after the background re-checks the user live, the status rule and the gate; always audited. */
  runAction: message<ActionOutcome>()(
    z.object({
      actionId: ActionId,
      userId: z.string().min(1).max(100).optional(),
      inputs: z.record(z.string(), z.unknown()).default({}),
      confirmation: Confirmation,
      ticket: Ticket.nullable(),
      source: Source,
    }),
    ['extension-page'],
    { interactive: true },
  ),
  /** Runs a playbook step by step; progress is published in storage.session under `playbookRun:<runId>`. */
  runPlaybook: message<PlaybookProgress>()(
    z.object({
      playbookId: z.string().min(1).max(60),
      userId: z.string().min(1).max(100),
      runId: z.string().uuid(),
      confirmation: Confirmation,
      ticket: Ticket.nullable(),
      source: Source,
    }),
    ['extension-page'],
    { interactive: true },
  ),
  /** The audit trail, newest first. */
  listAudit: message<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100), before: z.number().int().optional() }),
    ['extension-page'],
    { interactive: true },
  ),
  /** Which of these profile attributes Okta's user schema lets an admin write. */
  getEditableAttributes: message<EditableAttribute[]>()(
    z.object({ attributes: z.array(z.string().max(100)).max(40) }),
    ['extension-page'],
  ),
};
