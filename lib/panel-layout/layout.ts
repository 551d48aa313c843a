import { storage } from '#imports';
import { z } from 'zod';

export const PANEL_MIN_WIDTH = 300;
export const PANEL_MAX_WIDTH = 640;
export const PANEL_COLLAPSED_WIDTH = 40;

export const PanelLayout = z.object({
  collapsed: z.boolean(),
  width: z.number().min(PANEL_MIN_WIDTH).max(PANEL_MAX_WIDTH),
});
export type PanelLayout = z.infer<typeof PanelLayout>;

export const DEFAULT_PANEL_LAYOUT: PanelLayout = { collapsed: false, width: 360 };

/** The panel's layout, remembered per helpdesk host. The panel writes it; the content script applies it. */
export function panelLayoutItem(host: string) {
  return storage.defineItem<PanelLayout>(`local:panelLayout:${host}`, { fallback: DEFAULT_PANEL_LAYOUT });
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, width)));
}
