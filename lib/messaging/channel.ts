import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * The typed channel every context sends on. It imports the protocol as a type only, so the
 * content script does not carry the background's zod schemas.
 */
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // The library's default logger prints message bodies, which can hold an API token.
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
