import { browser, type Browser } from 'wxt/browser';
import { appendAudit, listAudit, type AuditSource } from '@/lib/actions/audit';
import { editableAttributes } from '@/lib/actions/editable-attributes';
import { runPlaybook } from '@/lib/actions/playbook-runner';
import { runAction, type RunnerDeps } from '@/lib/actions/runner';
import { playbookRunKey } from '@/lib/actions/playbook-progress-key';
import { getUserSchema } from '@/lib/okta';
import type { Handlers } from '@/lib/messaging/router';
import { identityItem } from '@/lib/settings/identity';
import { loadSettings } from '@/lib/settings/store';
import type { BackgroundServices } from '../services';

type ActionHandlers = Pick<Handlers, 'runAction' | 'runPlaybook' | 'listAudit' | 'getEditableAttributes'>;

function runnerDeps({ session, directory }: BackgroundServices): RunnerDeps {
  return {
    client: () => session.client(),
    settings: () => loadSettings(),
    agent: async () => {
      const identity = await identityItem.getValue();
      return identity ? { id: identity.id, login: identity.login } : null;
    },
    audit: async (entry) => appendAudit(await directory.openDb(), entry),
    now: () => new Date(),
  };
}

export function actionHandlers(services: BackgroundServices): ActionHandlers {
  const deps = runnerDeps(services);
  return {
    runAction: (request) => runAction(deps, request),
    async runPlaybook(request) {
      const key = playbookRunKey(request.runId);
      const final = await runPlaybook(deps, request, (progress) => browser.storage.session.set({ [key]: progress }));
      await browser.storage.session.remove(key);
      return final;
    },
    listAudit: async ({ limit, before }) => listAudit(await services.directory.openDb(), { limit, before }),
    getEditableAttributes: async ({ attributes }) => editableAttributes(await getUserSchema(await services.session.client()), attributes),
  };
}

/** Who was turned away, from what the browser stamped on the message. */
function refusedSource(sender: Browser.runtime.MessageSender): AuditSource {
  if (sender.id !== browser.runtime.id || !sender.url) return 'unknown-sender';
  if (/^(chrome|moz)-extension:/.test(sender.url)) return 'extension-page';
  return sender.tab?.id !== undefined ? 'content-script' : 'unknown-sender';
}

/** The router's onRefused: a refused message is written to the audit trail as outcome 'refused'. */
export function auditRefusal(services: BackgroundServices) {
  const deps = runnerDeps(services);
  return async (name: string, reason: string, sender: Browser.runtime.MessageSender): Promise<void> => {
    console.warn(`Deskside refused "${name}": ${reason}`);
    const agent = await deps.agent();
    const source = refusedSource(sender);
    // A failure to write the audit must not turn the refusal into a different error.
    await deps.audit({
      time: deps.now().toISOString(),
      agent: agent?.login ?? 'unknown',
      agentId: agent?.id ?? null,
      action: name,
      target: null,
      inputs: {},
      ticket: null,
      source,
      requestIds: [],
      outcome: 'refused',
      errorCode: null,
      detail: `Refused: ${reason}${sender.url ? ` (from ${new URL(sender.url).origin})` : ''}.`,
      playbook: null,
    }).catch((error: unknown) => console.error('Deskside could not audit a refused message', error));
  };
}
