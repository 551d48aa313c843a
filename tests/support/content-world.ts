import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/**
 * Evaluates `expression` inside the extension's content-script world of the page's top frame,
 * through the DevTools protocol: the way a compromised or buggy content script would talk to the
 * background, with the same browser-stamped sender.
 */
export async function evaluateInContentScript<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!world) throw new Error(`No content-script world of ${extensionId} on ${page.url()}`);
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}
