export const PANEL_MIN_WIDTH = 300;
export const PANEL_MAX_WIDTH = 640;
export const PANEL_COLLAPSED_WIDTH = 40;

export interface PanelLayout {
  collapsed: boolean;
  width: number;
  /** Over the page's right edge instead of beside it (the page keeps its full width). */
  floating: boolean;
}

export const DEFAULT_PANEL_LAYOUT: PanelLayout = { collapsed: false, width: 360, floating: false };

/** The storage.local key of the panel's layout for a helpdesk host. The panel writes it; the content script applies it. */
export function panelLayoutKey(host: string): string {
  return `panelLayout:${host}`;
}

export function clampWidth(width: number): number {
  const finite = Number.isFinite(width) ? width : DEFAULT_PANEL_LAYOUT.width;
  return Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, finite)));
}

/** A stored layout made safe to apply: booleans and a clamped width, whatever was written. */
export function sanitizeLayout(value: unknown): PanelLayout {
  const raw = (value ?? {}) as Partial<PanelLayout>;
  return { collapsed: raw.collapsed === true, width: clampWidth(Number(raw.width)), floating: raw.floating === true };
}

/** The panel's own width: the tab's when collapsed. */
export function panelWidth(layout: PanelLayout): number {
  return layout.collapsed ? PANEL_COLLAPSED_WIDTH : layout.width;
}

/** How much of the page's width the panel takes when shown: none when it floats over the page. */
export function reservedWidth(layout: PanelLayout): number {
  return layout.floating ? 0 : panelWidth(layout);
}
