import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TicketRef } from '@/lib/actions/audit';
import type { Confirmation } from '@/lib/actions/gate-check';
import type { ActionOutcome, PlaybookProgress } from '@/lib/actions/outcome';
import { playbookRunKey } from '@/lib/actions/playbook-progress-key';
import type { PlaybookDefinition } from '@/lib/actions/playbooks';
import { findAction, gateOf } from '@/lib/actions/registry';
import type { ActionDefinition } from '@/lib/actions/types';
import { sendMessage } from '@/lib/messaging/channel';
import type { Gate, Settings } from '@/lib/settings/schema';

export type ActionSource = 'panel' | 'popup';

export type Pending =
  | { kind: 'action'; action: ActionDefinition; gate: Gate; values: Record<string, unknown>; preset: string[]; presetText: string | null }
  | { kind: 'playbook'; playbook: PlaybookDefinition; gate: Gate };

interface FlowOptions {
  /** The Okta user acted on; null for Create user. */
  userId: string | null;
  settings: Pick<Settings, 'gates' | 'playbooks'>;
  source: ActionSource;
  ticket: TicketRef | null;
  /** Called after any action that reached Okta, so the card is re-read live. */
  onDone: (outcome: ActionOutcome | null) => void;
}

function defaults(action: ActionDefinition): Record<string, unknown> {
  return Object.fromEntries(action.inputs.flatMap((field) => (field.kind === 'boolean' ? [[field.name, field.default]] : [])));
}

function failure(label: string, actionId: string, error: unknown): ActionOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  return { actionId, label, outcome: 'refused', detail, errorCode: null, requestIds: [], secret: null, userId: null, note: `[Okta] ${label}: not done. ${detail}` };
}

/** The panel's (and popup's) action flow: choose, confirm, run in the background, show the result. */
export function useActionFlow({ userId, settings, source, ticket, onDone }: FlowOptions) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [progress, setProgress] = useState<PlaybookProgress | null>(null);

  const runAction = async (action: ActionDefinition, inputs: Record<string, unknown>, confirmation: Confirmation) => {
    setBusy(true);
    let result: ActionOutcome;
    try {
      result = await sendMessage('runAction', {
        actionId: action.id,
        ...(userId ? { userId } : {}),
        inputs,
        confirmation,
        ticket,
        source,
      });
    } catch (error) {
      result = failure(action.label, action.id, error);
    }
    setBusy(false);
    setPending(null);
    setOutcome(result);
    onDone(result);
  };

  const runPlaybook = async (playbook: PlaybookDefinition, confirmation: Confirmation) => {
    if (!userId) return;
    const runId = crypto.randomUUID();
    const key = playbookRunKey(runId);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changes[key]?.newValue as PlaybookProgress | undefined;
      if (area === 'session' && next) setProgress(next);
    };
    browser.storage.onChanged.addListener(listener);
    setBusy(true);
    setOutcome(null);
    try {
      setProgress(await sendMessage('runPlaybook', { playbookId: playbook.id, userId, runId, confirmation, ticket, source }));
    } catch (error) {
      setOutcome(failure(playbook.label, playbook.id, error));
    } finally {
      browser.storage.onChanged.removeListener(listener);
      setBusy(false);
      setPending(null);
      onDone(null);
    }
  };

  return {
    pending,
    busy,
    outcome,
    progress,
    /** Opens an action's confirmation, with inputs already chosen on the card (a group row, a factor). */
    start(actionId: string, preset: Record<string, unknown> = {}, presetText: string | null = null) {
      const action = findAction(actionId);
      if (!action || busy) return;
      const gate = gateOf(action, settings.gates);
      const values = { ...defaults(action), ...preset };
      setOutcome(null);
      setProgress(null);
      const needsInput = action.inputs.some((field) => !(field.name in preset));
      if (gate === 'none' && !needsInput) return void runAction(action, values, { confirmed: false });
      setPending({ kind: 'action', action, gate, values, preset: Object.keys(preset), presetText });
    },
    startPlaybook(playbook: PlaybookDefinition) {
      if (busy) return;
      setOutcome(null);
      setProgress(null);
      setPending({ kind: 'playbook', playbook, gate: gateOf(playbook, settings.gates) });
    },
    setValue(name: string, value: unknown) {
      setPending((p) => (p?.kind === 'action' ? { ...p, values: { ...p.values, [name]: value } } : p));
    },
    confirm(confirmation: Confirmation) {
      if (pending?.kind === 'action') void runAction(pending.action, pending.values, confirmation);
      else if (pending?.kind === 'playbook') void runPlaybook(pending.playbook, confirmation);
    },
    cancel: () => setPending(null),
    dismiss() {
      setOutcome(null);
      setProgress(null);
    },
  };
}

export type ActionFlow = ReturnType<typeof useActionFlow>;
