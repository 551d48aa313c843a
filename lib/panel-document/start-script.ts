import type { PanelStart } from '@/lib/messaging/views';
import { sanitizeLayout } from '@/lib/panel-layout/layout';

const PANEL_START_ID = 'deskside-panel-start';

/**
 * The start as an inert JSON script element. The detection holds what the page wrote (a requester's
 * name can be any markup), so every character that could end the element or open a comment is escaped.
 */
export function panelStartScript(start: PanelStart): string {
  const json = JSON.stringify(start).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${PANEL_START_ID}">${json}</script>`;
}

/** Whether the service worker wrote a start, and so the panel's first render, into this document. */
export function hasPanelStart(doc: Document): boolean {
  return doc.getElementById(PANEL_START_ID) !== null;
}

/**
 * The start the service worker wrote into the panel's document, or null when it wrote none (the
 * worker did not serve the document, or the nonce was not registered in time). The document is the
 * extension's own, served by its own worker; the page can neither write nor read it. The element is
 * removed once read: it is data, not part of the panel.
 */
export function readPanelStart(doc: Document): PanelStart | null {
  const element = doc.getElementById(PANEL_START_ID);
  const text = element?.textContent;
  element?.remove();
  if (!text) return null;
  try {
    const start = JSON.parse(text) as PanelStart;
    if (typeof start?.context?.tabId !== 'number' || typeof start.settings !== 'object' || start.settings === null) return null;
    return { ...start, layout: sanitizeLayout(start.layout) };
  } catch {
    return null;
  }
}
