export interface PageRoom {
  /** Lays the page out `width` pixels narrower, so that strip at the right edge holds no page content; 0 releases. */
  reserve(width: number): void;
  release(): void;
}

/**
 * Makes room for the panel at the right edge instead of covering the helpdesk. The page keeps its
 * own styles; one style element inside Deskside's own host element (no attribute or inline style on
 * the page's elements, nothing in the page's head) narrows the root element.
 *
 * A margin alone moves only content in the normal flow: fixed bars and absolutely placed columns are
 * laid out against the viewport. On an app-shell page (the document itself does not scroll, as in
 * Zendesk, ServiceNow or Jira), `will-change: transform` makes the root their containing block too,
 * so they narrow with it. (`contain: layout` would do the same but stops the body's background and
 * overflow from reaching the viewport.) On a document that scrolls, a containing root would make
 * fixed headers scroll away, so there the margin is all that is applied.
 */
export function createPageRoom(host: Element): PageRoom {
  const doc = host.ownerDocument;
  // A style element applies from anywhere in the document tree, rendered or not.
  const style = doc.createElement('style');
  host.append(style);
  let width = 0;
  let rootHoldsFixed = false;
  const root = doc.documentElement;

  const render = () => {
    const holdFixed = rootHoldsFixed ? ' will-change: transform !important; min-height: 100vh !important;' : '';
    style.textContent = width === 0 ? '' : `html { margin-right: ${width}px !important;${holdFixed} }`;
  };
  const documentScrolls = (): boolean => {
    const scroller = doc.scrollingElement ?? root;
    if (scroller.scrollHeight <= scroller.clientHeight) return false;
    const view = doc.defaultView;
    const clipped = (el: Element | null) => !!el && /^(hidden|clip)$/.test(view?.getComputedStyle(el).overflowY ?? '');
    return !clipped(root) && !clipped(doc.body);
  };
  const fit = () => {
    if (width === 0) return;
    const appShell = !documentScrolls();
    if (appShell === rootHoldsFixed) return;
    rootHoldsFixed = appShell;
    render();
  };
  // A page that starts short (still loading) and then grows into a scrolling document changes mode.
  const resizes = new ResizeObserver(fit);

  const release = () => {
    if (width === 0) return;
    width = 0;
    rootHoldsFixed = false;
    resizes.disconnect();
    render();
  };

  return {
    reserve(next) {
      if (next === 0) return release();
      if (next === width) return;
      const wasReleased = width === 0;
      width = next;
      render();
      fit();
      if (wasReleased) resizes.observe(root);
    },
    release,
  };
}
