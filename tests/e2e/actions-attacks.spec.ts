import { expect, test } from './fixtures';
import { handPanelIframeToPage } from '../support/closed-shadow';
import { evaluateInContentScript } from '../support/content-world';
import { createPerson, fakeUser, openTicket, readAudit, serveTicket, waitForCard } from './panel-helpers';

/** Sends a message from the content script's world in @webext-core/messaging's format and returns the raw reply. */
function contentScriptSend(type: string, data: unknown): string {
  return `new Promise((resolve) => chrome.runtime.sendMessage(
    { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
    (reply) => resolve(JSON.stringify(reply ?? { none: chrome.runtime.lastError?.message ?? 'no reply' })),
  ))`;
}

test('a content script asking for an action or a playbook is refused, nothing changes in Okta, and the refusal is audited', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const person = await createPerson(okta);
  const { page, panel } = await openTicket(context, await serveTicket(context, 530, person));
  await waitForCard(panel, 'ACTIVE');
  const confirmation = { confirmed: true, typed: person.email };
  for (const [type, data] of [
    ['runAction', { actionId: 'deactivate', userId: person.id, inputs: {}, confirmation, ticket: null, source: 'panel' }],
    ['runPlaybook', { playbookId: 'offboard', userId: person.id, runId: crypto.randomUUID(), confirmation, ticket: null, source: 'panel' }],
    ['listAudit', { limit: 10 }],
  ] as const) {
    const reply = JSON.parse(await evaluateInContentScript<string>(page, extensionId, contentScriptSend(type, data)));
    expect(reply.res, `${type} must not answer a content script`).toBeUndefined();
    expect(reply.err?.message ?? '').toContain(`may not send "${type}"`);
  }
  expect(fakeUser(okta, person.id)?.status).toBe('ACTIVE');
  const refused = (await readAudit(context, extensionId)).filter((e) => e.outcome === 'refused');
  expect(refused.map((e) => e.action).sort()).toEqual(['listAudit', 'runAction', 'runPlaybook']);
  for (const entry of refused) {
    expect(entry).toMatchObject({ source: 'content-script', agent: okta.org.admin.profile.login });
    expect(entry.detail).toContain('https://acme.zendesk.com');
  }
});

test('the page cannot drive the panel: synthetic clicks, posted messages, its own panel.html and markup in names achieve nothing', async ({ context, okta, connect, extensionId }) => {
  await connect();
  const person = await createPerson(okta, { first: '<img src=x onerror=alert(1)>' });
  const { page, panel } = await openTicket(context, await serveTicket(context, 531, { email: person.email, name: '<b id="injected">Eve</b><script>window.top.pwned=2</script>' }));
  await waitForCard(panel, 'ACTIVE');

  // Markup from Okta and from the ticket is shown as text.
  await expect(panel.getByTestId('user-name')).toContainText('<img src=x');
  await expect(panel.getByRole('heading', { name: '<b id="injected">Eve</b><script>window.top.pwned=2</script>' })).toBeVisible();
  expect(await panel.locator('img, #injected').count()).toBe(0);
  expect(await panel.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await panel.evaluate(() => {
    const messages: unknown[] = [];
    (window as unknown as { receivedMessages: unknown[] }).receivedMessages = messages;
    window.addEventListener('message', (event) => messages.push({ origin: event.origin, data: event.data }));
  });
  await handPanelIframeToPage(page, 'heldPanel');
  const requestsBefore = okta.requests.length;
  const payloads = [
    { type: 'runAction', actionId: 'deactivate' },
    { actionId: 'suspend', confirm: true },
    'suspend',
    { id: 1, type: 'runAction', data: { actionId: 'suspend' } },
  ];
  const attempts = await page.evaluate(async ({ id, payloads }) => {
    const host = document.querySelector('deskside-panel') as HTMLElement;
    const box = host.getBoundingClientRect();
    // Clicks where the action buttons are, the way a script (or an overlay) would try.
    for (let y = box.top + 5; y < box.bottom; y += 12) {
      const target = document.elementFromPoint(box.left + 60, y);
      target?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + 60, clientY: y }));
      (target as HTMLElement | null)?.click?.();
    }
    const framesReachable = window.frames.length;
    for (const p of payloads) window.postMessage(p, '*');
    // The page cannot find the panel's frame; this one was handed over by DevTools, to post as if it could.
    const held = (window as unknown as { heldPanel: HTMLIFrameElement }).heldPanel;
    for (const p of payloads) held.contentWindow!.postMessage(p, '*');
    const own = document.createElement('iframe');
    own.id = 'own-panel';
    own.src = `chrome-extension://${id}/panel.html#00000000-0000-4000-8000-000000000000`;
    document.body.append(own);
    await new Promise((r) => setTimeout(r, 1500));
    return { framesReachable, clickedInside: document.elementFromPoint(box.left + 60, box.top + 100)?.tagName ?? null };
  }, { id: extensionId, payloads });
  expect(attempts.clickedInside).toBe('DESKSIDE-PANEL');
  expect(attempts.framesReachable, 'the panel frame must not be in window.frames').toBe(0);
  await expect
    .poll(() => panel.evaluate(() => (window as unknown as { receivedMessages: unknown[] }).receivedMessages.length))
    .toBe(payloads.length);
  expect(await panel.evaluate(() => (window as unknown as { receivedMessages: unknown[] }).receivedMessages)).toEqual(
    payloads.map((data) => ({ origin: 'https://acme.zendesk.com', data })),
  );

  await expect(panel.getByTestId('confirm-action')).toHaveCount(0);
  await expect(panel.getByTestId('action-result')).toHaveCount(0);
  await waitForCard(panel, 'ACTIVE');
  await expect(panel.getByTestId('user-name')).toContainText('<img src=x');
  expect(fakeUser(okta, person.id)?.status).toBe('ACTIVE');
  expect(okta.requests.slice(requestsBefore).filter((r) => r.method !== 'GET')).toEqual([]);
  // use_dynamic_url: the page's own panel.html is refused; Chromium puts its error page in the frame.
  const ownFrame = await (await page.locator('#own-panel').elementHandle())!.contentFrame();
  expect(ownFrame?.url()).toBe('chrome-error://chromewebdata/');
  expect(page.frames().filter((f) => f.url().startsWith(`chrome-extension://${extensionId}/`)).map((f) => f.url())).toEqual([panel.url()]);
  expect((await readAudit(context, extensionId)).filter((e) => (e.target as { id?: string } | null)?.id === person.id)).toEqual([]);
});
