import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { DEFAULT_PANEL_LAYOUT, panelLayoutKey, panelWidth, reservedWidth, sanitizeLayout, type PanelLayout } from '@/lib/panel-layout/layout';
import { createPageRoom } from './page-room';

export interface PanelFrame {
  show(): void;
  hide(): void;
  /** Gives the page back the room kept for a panel that was never shown (the ticket named nobody). */
  releaseRoomIfHidden(): void;
}

/** A fresh nonce per frame: the background hands the tab's context only to the frame that knows it. */
export function panelNonce(): string {
  return crypto.randomUUID();
}

/**
 * The panel is an extension page in an iframe, inside a closed shadow root: page scripts can
 * neither read nor script it. This host element is the only element Deskside adds to the page. It
 * sits in the top layer (a manual popover), so no z-index of the page can cover it and the room
 * made for it (page-room.ts) does not move it.
 */
export function createPanelFrame(ctx: ContentScriptContext, nonce: string): PanelFrame {
  const host = document.createElement('deskside-panel');
  // Detection skips anything inside this element.
  host.setAttribute('data-deskside-host', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; inset: 0 0 auto auto; margin: 0; padding: 0; border: 0; height: 100vh;
      display: block; overflow: hidden; box-shadow: -2px 0 8px rgb(0 0 0 / 0.18); }
    :host([hidden]) { display: none; }
    :host([data-collapsed]) { height: 148px; top: 96px; box-shadow: -1px 1px 6px rgb(0 0 0 / 0.25); border-radius: 8px 0 0 8px; overflow: hidden; }
    iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
  `;
  const iframe = document.createElement('iframe');
  iframe.src = `${browser.runtime.getURL('/panel.html')}#${nonce}`;
  iframe.title = 'Deskside: Okta details for this ticket’s requester';
  // '*' rather than the default 'src': with use_dynamic_url the frame's origin is not the origin of its src.
  iframe.setAttribute('allow', 'clipboard-write *');
  shadow.append(style, iframe);
  host.hidden = true;
  host.popover = 'manual';
  const room = createPageRoom(host);
  let layout = DEFAULT_PANEL_LAYOUT;
  // Kept from the start, while the page is still loading: it is laid out beside the panel once,
  // rather than laid out again (and shifted) when the panel shows.
  let roomWanted = true;
  const fitRoom = () => room.reserve(roomWanted ? reservedWidth(layout) : 0);
  const attach = () => {
    // Connected at once (hidden) so the frame loads before it is shown.
    if (!host.isConnected) document.documentElement.append(host);
    if (!host.matches(':popover-open')) host.showPopover();
  };
  attach();

  const layoutKey = panelLayoutKey(location.host);
  const apply = (next: PanelLayout) => {
    layout = next;
    host.style.width = `${panelWidth(layout)}px`;
    host.toggleAttribute('data-collapsed', layout.collapsed);
    fitRoom();
  };
  apply(DEFAULT_PANEL_LAYOUT);
  void browser.storage.local.get(layoutKey).then((stored) => apply(sanitizeLayout(stored[layoutKey] ?? DEFAULT_PANEL_LAYOUT)));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && layoutKey in changes) apply(sanitizeLayout(changes[layoutKey]?.newValue ?? DEFAULT_PANEL_LAYOUT));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChanged);
    room.release();
    host.remove();
  });

  return {
    show() {
      attach();
      host.hidden = false;
      roomWanted = true;
      fitRoom();
    },
    hide() {
      host.hidden = true;
      roomWanted = false;
      fitRoom();
    },
    releaseRoomIfHidden() {
      if (host.hidden) this.hide();
    },
  };
}
