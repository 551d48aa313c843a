import { expect, test } from './fixtures';
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
  await panelFrame(page);

  const seen = await page.evaluate(async (id) => {
    const host = document.querySelector('deskside-panel') as HTMLElement | null;
    const result = {
      hostFound: Boolean(host),
      shadowRoot: host?.shadowRoot === null ? 'closed' : 'open',
      iframesInDocument: document.querySelectorAll('iframe').length,
      framesVisible: window.frames.length,
      frameDocument: 'unreadable',
      staticUrlLoads: false,
      chromeRuntime: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    };
    try {
      const doc = (window.frames[0] as Window).document;
      result.frameDocument = doc ? 'readable' : 'unreadable';
    } catch {
      result.frameDocument = 'unreadable';
    }
    // Embedding the panel by its static URL: use_dynamic_url makes that address unusable to pages.
    result.staticUrlLoads = await new Promise<boolean>((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${id}/panel.html`;
      frame.onload = () => {
        try {
          resolve(Boolean(frame.contentWindow?.length !== undefined && frame.contentDocument === null));
        } catch {
          resolve(false);
        }
      };
      frame.onerror = () => resolve(false);
      document.body.append(frame);
      setTimeout(() => resolve(false), 3000);
    });
    return result;
  }, extensionId);

  expect(seen.hostFound).toBe(true);
  expect(seen.shadowRoot).toBe('closed');
  expect(seen.iframesInDocument).toBe(0);
  expect(seen.frameDocument).toBe('unreadable');
  expect(seen.chromeRuntime).toBe('undefined');
  // A panel.html the page embeds itself (without our nonce) gets no context and shows no one.
  const pageEmbedded = page.frames().filter((f) => f.url() === `chrome-extension://${extensionId}/panel.html`);
  for (const frame of pageEmbedded) {
    await expect(frame.getByRole('alert')).toContainText('not opened by Deskside');
    await expect(frame.getByText('Grace Hansen')).toHaveCount(0);
  }
});
