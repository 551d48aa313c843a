import { useEffect, useState } from 'preact/hooks';
import { inputProblem } from '@/lib/actions/input-problem';
import { offeredActions, offeredPlaybooks } from '@/lib/actions/offered';
import { findAction } from '@/lib/actions/registry';
import type { Danger } from '@/lib/actions/types';
import type { UserStatus } from '@/lib/okta/schemas';
import type { UserCard } from '@/lib/messaging/views';
import type { Settings } from '@/lib/settings/schema';
import { displayName, profileText } from '../user-card/profile';
import ActionInputs from './ActionInputs';
import ActionResultView from './ActionResultView';
import CommandPalette, { type PaletteCommand } from './CommandPalette';
import ConfirmAction, { type ConfirmTarget } from './ConfirmAction';
import PlaybookProgressView from './PlaybookProgressView';
import type { ActionFlow } from './useActionFlow';

type ActionAreaProps = {
  card: UserCard;
  settings: Pick<Settings, 'gates' | 'playbooks' | 'fieldMap'>;
  flow: ActionFlow;
};

const DANGER_ORDER: Danger[] = ['low', 'medium', 'high'];

function isEditable(element: EventTarget | null): boolean {
  const el = element as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

/** The card's actions: what the user's status allows, playbooks, the confirmation, the result, and the command palette. */
export default function ActionArea({ card, settings, flow }: ActionAreaProps) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const status = card.status as UserStatus;
  const actions = offeredActions(status, settings.gates);
  const playbooks = offeredPlaybooks(status, settings);
  const target: ConfirmTarget = { name: displayName(card), login: profileText(card, 'login') ?? '', status: card.status };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = (event.key === '/' && !isEditable(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
      if (!shortcut || event.altKey) return;
      event.preventDefault();
      setPaletteOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const commands: PaletteCommand[] = [
    ...actions.map(({ action }) => ({ id: action.id, label: action.label, keywords: action.keywords, run: () => flow.start(action.id) })),
    ...playbooks.map(({ playbook }) => ({
      id: `playbook:${playbook.id}`,
      label: `Playbook: ${playbook.label}`,
      keywords: ['playbook', ...playbook.steps.map((s) => findAction(s.actionId)?.label.toLowerCase() ?? '')],
      run: () => flow.startPlaybook(playbook),
    })),
  ];
  const pending = flow.pending;

  return (
    <section class="actions stack" aria-labelledby="actions-heading" data-testid="action-area">
      <div class="row actions-heading-row">
        <h3 id="actions-heading">Actions</h3>
        <button type="button" class="link" aria-keyshortcuts="/ Control+K" onClick={() => setPaletteOpen(true)}>
          Commands <kbd>/</kbd>
        </button>
      </div>
      {actions.length > 0 ? (
        <div class="action-bar" role="group" aria-label="Okta actions">
          {actions.map(({ action }) => (
            <button
              type="button"
              key={action.id}
              class={`action danger-${action.danger}`}
              disabled={flow.busy}
              aria-pressed={pending?.kind === 'action' && pending.action.id === action.id}
              onClick={() => flow.start(action.id)}
            >
              {action.label}
            </button>
          ))}
        </div>
      ) : (
        <p class="muted">No actions fit a user in this status.</p>
      )}
      {playbooks.length > 0 ? (
        <div class="action-bar" role="group" aria-labelledby="playbooks-label">
          <span class="bar-label" id="playbooks-label">Playbooks</span>
          {playbooks.map(({ playbook }) => (
            <button type="button" key={playbook.id} class="action playbook" disabled={flow.busy} onClick={() => flow.startPlaybook(playbook)}>
              {playbook.label}
            </button>
          ))}
        </div>
      ) : null}
      {pending?.kind === 'action' ? (
        <ConfirmAction
          key={pending.action.id}
          title={pending.action.label}
          description={pending.action.description}
          danger={pending.action.danger}
          gate={pending.gate}
          target={target}
          typedLogin={target.login}
          problem={inputProblem(pending.action, pending.values)}
          busy={flow.busy}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        >
          {pending.presetText ? <p data-testid="confirm-subject"><strong>{pending.presetText}</strong></p> : null}
          <ActionInputs
            fields={pending.action.inputs.filter((field) => !pending.preset.includes(field.name))}
            values={pending.values}
            onChange={flow.setValue}
            card={card}
            fieldMap={settings.fieldMap}
          />
        </ConfirmAction>
      ) : null}
      {pending?.kind === 'playbook' ? (
        <ConfirmAction
          key={pending.playbook.id}
          title={pending.playbook.label}
          description="Runs these steps in order and stops at the first one that fails:"
          danger={DANGER_ORDER[Math.max(...pending.playbook.steps.map((s) => DANGER_ORDER.indexOf(findAction(s.actionId)?.danger ?? 'low')))] ?? 'high'}
          gate={pending.gate}
          target={target}
          typedLogin={target.login}
          problem={null}
          busy={flow.busy}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        >
          <ol class="steps">
            {pending.playbook.steps.map((step, index) => (
              <li key={index}>{findAction(step.actionId)?.label ?? step.actionId}</li>
            ))}
          </ol>
        </ConfirmAction>
      ) : null}
      {flow.progress ? <PlaybookProgressView progress={flow.progress} onDismiss={flow.dismiss} /> : null}
      {flow.outcome ? <ActionResultView outcome={flow.outcome} onDismiss={flow.dismiss} /> : null}
      {paletteOpen ? <CommandPalette commands={commands} onClose={() => setPaletteOpen(false)} /> : null}
    </section>
  );
}
