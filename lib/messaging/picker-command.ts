/** What the background sends a tab's top-frame content script (tabs.sendMessage) to start pick mode. */
export const START_PICKER = { type: 'deskside:start-picker' } as const;

export function isStartPicker(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === START_PICKER.type;
}
