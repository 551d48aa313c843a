import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreHandlers, PANEL_NOT_OURS } from '@/lib/background/handlers/core';
import type { HandlerContext } from '@/lib/messaging/router';
import type { BackgroundServices } from '@/lib/background/services';

const TAB = 9;
const NONCE = '5d0c9a1e-2b3f-4a6d-9e8c-7b6a5f4e3d2c';
const PANEL: HandlerContext = {
  senderKind: 'extension-page',
  sender: { id: 'ext', url: `chrome-extension://ext/panel.html#${NONCE}`, tab: { id: TAB } as never, frameId: 4 },
};
const CONTENT: HandlerContext = {
  senderKind: 'content-script',
  sender: { id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/123', tab: { id: TAB } as never, frameId: 0 },
};

const handlers = () => coreHandlers({} as BackgroundServices);

afterEach(() => {
  vi.useRealTimers();
});

describe("the panel's context", () => {
  it('is given to a frame that asks before its content script has registered the nonce, once the registration arrives', async () => {
    const core = handlers();
    const asked = core.getPanelContext({ nonce: NONCE }, PANEL);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await core.registerPanel({ nonce: NONCE }, CONTENT);
    await expect(asked).resolves.toMatchObject({ tabId: TAB, pageHost: 'acme.zendesk.com', detection: null });
  });

  it('is refused to a frame whose nonce never registers, after the wait', async () => {
    vi.useFakeTimers();
    const core = handlers();
    await core.registerPanel({ nonce: NONCE }, CONTENT);
    const asked = Promise.resolve(core.getPanelContext({ nonce: '00000000-0000-4000-8000-000000000000' }, PANEL));
    const settled = vi.fn();
    asked.then(settled, settled);
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1500);
    await expect(asked).rejects.toThrow(PANEL_NOT_OURS);
  });

  it('is given at once when the nonce is already registered', async () => {
    vi.useFakeTimers();
    const core = handlers();
    await core.registerPanel({ nonce: NONCE }, CONTENT);
    const settled = vi.fn();
    void Promise.resolve(core.getPanelContext({ nonce: NONCE }, PANEL)).then(settled);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ tabId: TAB }));
  });
});
