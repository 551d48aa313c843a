import { expect, test } from './fixtures';
import { handPanelIframeToPage } from '../support/closed-shadow';
import { evaluateInContentScript } from '../support/content-world';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';

/** Sends a message from the content script's world in @webext-core/messaging's format and returns the raw reply. */
function contentScriptSend(type: string, data: unknown): string {
  return `new Promise((resolve) => chrome.runtime.sendMessage(
    { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
    (reply) => resolve(JSON.stringify(reply ?? { none: chrome.runtime.lastError?.message ?? 'no reply' })),
  ))`;
}

test.describe('the background trusts content scripts with detections only', () => {
  test('asking for the connection, a credential test or a status from a content script is refused', async ({ context, extensionId, connect }) => {
    await connect();
    await serveHelpdesk(context, ZENDESK_TICKET_123);
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await panelFrame(page);

    for (const [type, data] of [
      ['getStatus', undefined],
      ['testConnection', { domain: 'https://evil.example.com', auth: { type: 'ssws', token: 'x' } }],
      ['saveConnection', { domain: 'http://127.0.0.1:1', auth: { type: 'ssws', token: 'x' } }],
      ['removeCredential', undefined],
      ['getPanelContext', { nonce: 'x' }],
    ] as const) {
      const reply = JSON.parse(await evaluateInContentScript<string>(page, extensionId, contentScriptSend(type, data)));
      expect(reply.res, `${type} must not answer a content script`).toBeUndefined();
      expect(reply.err?.message ?? '').toContain(`may not send "${type}"`);
    }

    // Still connected: the refused removeCredential did nothing.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('connected-as')).toBeVisible();
  });

  test('a detection from a content script is accepted and reaches the panel', async ({ context, extensionId }) => {
    await serveHelpdesk(context, ZENDESK_TICKET_123);
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    const panel = await panelFrame(page);
    // Let the page's own detection settle first, so the injected one is the last word.
    await expect(panel.getByRole('heading', { name: 'Grace Hansen' }).first()).toBeVisible();
    const detection = {
      helpdesk: 'zendesk',
      ticketId: '999',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/999',
      people: [{ email: 'someone.else@example.com', name: 'Someone Else', role: 'requester', source: 'dom' }],
    };
    const reply = JSON.parse(await evaluateInContentScript<string>(page, extensionId, contentScriptSend('reportDetection', detection)));
    expect(reply.err).toBeUndefined();
    await expect(panel.getByRole('heading', { name: 'Someone Else' })).toBeVisible();
  });
});

test('page scripts cannot reach into the panel', async ({ context, extensionId }) => {
  await serveHelpdesk(context, ZENDESK_TICKET_123);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const panel = await panelFrame(page);
  await handPanelIframeToPage(page, 'heldPanel');

  const seen = await page.evaluate(async (id) => {
    const host = document.querySelector('deskside-panel') as HTMLElement | null;
    // Handed over by DevTools: a page has no way to get this element, so this is the worst case.
    const held = (window as unknown as { heldPanel?: HTMLIFrameElement }).heldPanel;
    const readDocument = (frame: HTMLIFrameElement | undefined): string => {
      if (!frame?.contentWindow) return 'no frame';
      try {
        return frame.contentWindow.document ? 'readable' : 'no document';
      } catch (error) {
        return (error as DOMException).name === 'SecurityError' ? 'cross-origin' : String(error);
      }
    };
    const result = {
      hostFound: Boolean(host),
      shadowRoot: host?.shadowRoot === null ? 'closed' : 'open',
      iframesInDocument: document.querySelectorAll('iframe').length,
      framesVisible: window.frames.length,
      heldFrameSrc: held?.src ?? null,
      frameDocument: readDocument(held),
      chromeRuntime: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    };
    // Embedding the panel by its static URL: use_dynamic_url makes that address unusable to pages.
    const own = document.createElement('iframe');
    own.id = 'page-embedded-panel';
    own.src = `chrome-extension://${id}/panel.html`;
    await new Promise<void>((resolve) => {
      own.onload = () => resolve();
      document.body.append(own);
      setTimeout(resolve, 3000);
    });
    return result;
  }, extensionId);

  expect(seen.hostFound).toBe(true);
  expect(seen.shadowRoot).toBe('closed');
  expect(seen.iframesInDocument).toBe(0);
  expect(seen.framesVisible, 'the panel frame must not be in window.frames').toBe(0);
  expect(seen.heldFrameSrc).toMatch(/^chrome-extension:\/\/[^/]+\/panel\.html#/);
  expect(seen.frameDocument).toBe('cross-origin');
  expect(seen.chromeRuntime).toBe('undefined');
  // The panel.html the page embeds itself is refused by Chromium and never loads.
  const embedded = await (await page.locator('#page-embedded-panel').elementHandle())!.contentFrame();
  expect(embedded?.url()).toBe('chrome-error://chromewebdata/');
  expect(page.frames().filter((f) => f.url().startsWith(`chrome-extension://${extensionId}/`)).map((f) => f.url())).toEqual([panel.url()]);
});
