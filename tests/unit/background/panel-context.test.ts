import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreHandlers, PANEL_NOT_OURS } from '@/lib/background/handlers/core';
import type { HandlerContext } from '@/lib/messaging/router';
import { createPanelContexts } from '@/lib/background/panel-contexts';
import type { BackgroundServices } from '@/lib/background/services';
import { createSettingsCache } from '@/lib/background/settings-cache';
import { freshDb } from '../directory/helpers';
import { syncedDirectory, ticketDetection } from './panel-helpers';

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

  describe('with the cached card of the first person on the ticket', () => {
    async function synced() {
      const { user, directory } = await syncedDirectory();
      return { user, ...directory, core: coreHandlers({ directory, settings: createSettingsCache() } as unknown as BackgroundServices) };
    }

    it('read from the directory when the detection arrives, not when the panel asks', async () => {
      const { user, openDb, agentReading, core } = await synced();
      await core.registerPanel({ nonce: NONCE }, CONTENT);
      await core.reportDetection(ticketDetection(user.profile.email.toUpperCase()), CONTENT);
      expect(openDb).toHaveBeenCalledTimes(1);
      // A running sync is told to hold its next write while this read runs.
      expect(agentReading).toHaveBeenCalledTimes(1);
      const context = await core.getPanelContext({ nonce: NONCE }, PANEL);
      expect(openDb).toHaveBeenCalledTimes(1);
      expect(context.firstCard?.email).toBe(user.profile.email.toUpperCase());
      expect(context.firstCard?.card).toMatchObject({ id: user.id, status: user.status, profile: { login: user.profile.login }, source: 'cache' });
      expect(context.firstCard?.card.adminUrl).toBe(`https://acme-admin.okta.com/admin/user/profile/view/${user.id}`);
    });

    it('read afresh for a panel that asks again later, so a reloaded panel does not get an old copy', async () => {
      const { user, openDb, core } = await synced();
      await core.registerPanel({ nonce: NONCE }, CONTENT);
      await core.reportDetection(ticketDetection(user.profile.email), CONTENT);
      await core.getPanelContext({ nonce: NONCE }, PANEL);
      const again = await core.getPanelContext({ nonce: NONCE }, PANEL);
      expect(openDb).toHaveBeenCalledTimes(2);
      expect(again.firstCard?.card.id).toBe(user.id);
    });

    it('null when the person is not in the directory, or the ticket names no email', async () => {
      const { core } = await synced();
      await core.registerPanel({ nonce: NONCE }, CONTENT);
      await core.reportDetection(ticketDetection('nobody@example.com'), CONTENT);
      expect((await core.getPanelContext({ nonce: NONCE }, PANEL)).firstCard).toBeNull();
      await core.reportDetection({ ...ticketDetection('x@example.com'), people: [{ name: 'No Email', role: 'requester', source: 'dom' }] }, CONTENT);
      const context = await core.getPanelContext({ nonce: NONCE }, PANEL);
      expect(context.detection?.people[0]?.name).toBe('No Email');
      expect(context.firstCard).toBeNull();
    });
  });
});

describe("the panel's context for its document, served by the worker before the frame runs a script", () => {
  const DEADLINE_MS = 1000;
  const contexts = () => {
    const directory = { openDb: vi.fn(async () => freshDb()), agentReading: vi.fn() };
    return createPanelContexts({ directory, settings: createSettingsCache() } as unknown as Pick<BackgroundServices, 'directory' | 'settings'>);
  };

  it("waits for this page's detection, not the one the tab's previous page left stored", async () => {
    const panels = contexts();
    await panels.detected(TAB, 'acme.zendesk.com', ticketDetection('previous.page@example.com'));
    const settled = vi.fn();
    const asked = panels.forDocument(NONCE, Date.now() + DEADLINE_MS);
    void asked.then(settled);
    await panels.registered(TAB, 'acme.zendesk.com', NONCE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).not.toHaveBeenCalled();
    await panels.detected(TAB, 'acme.zendesk.com', ticketDetection('this.page@example.com'));
    await expect(asked).resolves.toMatchObject({ tabId: TAB, pageHost: 'acme.zendesk.com', detection: { people: [{ email: 'this.page@example.com' }] } });
  });

  it('is given at once when the page reported before the document was asked for', async () => {
    vi.useFakeTimers();
    const panels = contexts();
    await panels.registered(TAB, 'acme.zendesk.com', NONCE);
    await panels.detected(TAB, 'acme.zendesk.com', null);
    const settled = vi.fn();
    void panels.forDocument(NONCE, Date.now() + DEADLINE_MS).then(settled);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ tabId: TAB, detection: null, firstCard: null }));
  });

  it('has no detection at the deadline when the page has not reported, and is null when the nonce never registered', async () => {
    vi.useFakeTimers();
    const panels = contexts();
    await panels.registered(TAB, 'acme.zendesk.com', NONCE);
    const registered = panels.forDocument(NONCE, Date.now() + DEADLINE_MS);
    const unknown = panels.forDocument('00000000-0000-4000-8000-000000000000', Date.now() + DEADLINE_MS);
    await vi.advanceTimersByTimeAsync(DEADLINE_MS);
    await expect(registered).resolves.toMatchObject({ tabId: TAB, detection: null });
    await expect(unknown).resolves.toBeNull();
  });

  it("is null for a nonce the tab's next page has replaced", async () => {
    const panels = contexts();
    await panels.registered(TAB, 'acme.zendesk.com', NONCE);
    await panels.registered(TAB, 'acme.zendesk.com', '11111111-1111-4111-8111-111111111111');
    await panels.detected(TAB, 'acme.zendesk.com', null);
    await expect(panels.forDocument(NONCE, Date.now() + 50)).resolves.toBeNull();
  });
});
