import type { Page } from '@playwright/test';

interface DomNode {
  nodeId: number;
  localName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findPanelIframe(node: DomNode, insidePanel = false): DomNode | undefined {
  if (insidePanel && node.localName === 'iframe') return node;
  const inside = insidePanel || node.localName === 'deskside-panel';
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findPanelIframe(child, inside);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts the panel's <iframe> element at `window[name]` in the page's own (main) world. No page script
 * can get it (the iframe sits in a closed shadow root and is not in `window.frames`); DevTools can,
 * so tests can check what a page could do even if it got hold of the frame.
 */
export async function handPanelIframeToPage(page: Page, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const iframe = findPanelIframe(root);
  if (!iframe) throw new Error('No iframe inside the deskside-panel host');
  const { object } = (await cdp.send('DOM.resolveNode', { nodeId: iframe.nodeId })) as { object: { objectId: string } };
  await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function (name) { window[name] = this; }',
    arguments: [{ value: name }],
  });
  await cdp.detach();
}
