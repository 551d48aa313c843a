import type { z } from 'zod';
import type { MessageSpec } from './define';
import { coreMessages } from './messages/core';
import { connectionMessages } from './messages/connection';
import { directoryMessages } from './messages/directory';
import { settingsMessages } from './messages/settings';
import { actionMessages } from './messages/actions';
import { pickerMessages } from './messages/picker';

/**
 * Every message the background answers, assembled from one module per area. The router checks
 * the sender against `from` and parses the input with zod before any handler runs.
 */
export const MESSAGES = {
  ...coreMessages,
  ...connectionMessages,
  ...directoryMessages,
  ...settingsMessages,
  ...actionMessages,
  ...pickerMessages,
};

export type Messages = typeof MESSAGES;
export type MessageName = keyof Messages;
type InputOf<S> = S extends MessageSpec<infer I, unknown> ? z.input<I> : never;
type OutputOf<S> = S extends MessageSpec<z.ZodType, infer O> ? O : never;
export type MessageInput<K extends MessageName> = InputOf<Messages[K]>;
export type ParsedInput<K extends MessageName> = Messages[K] extends MessageSpec<infer I, unknown> ? z.output<I> : never;
export type MessageOutput<K extends MessageName> = OutputOf<Messages[K]>;

export type ProtocolMap = {
  [K in MessageName]: MessageInput<K> extends undefined ? () => MessageOutput<K> : (data: MessageInput<K>) => MessageOutput<K>;
};

