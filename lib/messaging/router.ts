import type { Browser } from 'wxt/browser';
import type { MessageSpec } from './define';
import { onMessage } from './channel';
import { MESSAGES, type MessageName, type MessageOutput, type ParsedInput } from './protocol';
import type { SenderKind } from './sender';

export interface HandlerContext {
  sender: Browser.runtime.MessageSender;
  senderKind: SenderKind;
}

export type Handlers = {
  [K in MessageName]: (input: ParsedInput<K>, ctx: HandlerContext) => MessageOutput<K> | Promise<MessageOutput<K>>;
};

export class RefusedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedMessageError';
  }
}

export interface RouterOptions {
  handlers: Handlers;
  /** Who sent a message, from what the browser stamped on it; null for a sender that may send nothing. */
  classify: (sender: Browser.runtime.MessageSender) => Promise<SenderKind | null>;
  /** Called for every refused message, so refusals can be audited. */
  onRefused: (name: string, reason: string, sender: Browser.runtime.MessageSender) => void | Promise<void>;
  /** Called before the handler of every accepted message marked interactive. */
  onInteractive?: () => void;
}

/** Registers one listener per message: checks the sender, validates the input, then calls the handler. */
export function registerRouter({ handlers, classify, onRefused, onInteractive }: RouterOptions): void {
  for (const name of Object.keys(MESSAGES) as MessageName[]) {
    const spec: MessageSpec = MESSAGES[name];
    onMessage(name, (async (msg: { data: unknown; sender: Browser.runtime.MessageSender }) => {
      const senderKind = await classify(msg.sender);
      if (!senderKind || !spec.from.includes(senderKind)) {
        const reason = `${senderKind ?? 'an unknown sender'} may not send "${name}"`;
        await onRefused(name, reason, msg.sender);
        throw new RefusedMessageError(`Refused: ${reason}.`);
      }
      const parsed = spec.input.safeParse(msg.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const detail = (issue?.message ?? 'invalid').replace(/\.$/, '');
        throw new RefusedMessageError(`"${name}" had invalid input: ${issue?.path.join('.') || 'value'}: ${detail}.`);
      }
      if (spec.interactive) onInteractive?.();
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
      return handler(parsed.data, { sender: msg.sender, senderKind });
    }) as never);
  }
}
