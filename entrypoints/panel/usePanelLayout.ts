import { useEffect, useMemo, useState } from 'preact/hooks';
import { storage } from '#imports';
import { clampWidth, DEFAULT_PANEL_LAYOUT, panelLayoutKey, sanitizeLayout, type PanelLayout } from '@/lib/panel-layout/layout';

function panelLayoutItem(host: string) {
  return storage.defineItem<PanelLayout>(`local:${panelLayoutKey(host)}`, { fallback: DEFAULT_PANEL_LAYOUT });
}

/**
 * The panel's collapsed state, width and placement for the helpdesk host it sits on, remembered per
 * host; `initial` is the layout already read, when the panel's document carries it.
 */
export function usePanelLayout(host: string | null, initial: PanelLayout = DEFAULT_PANEL_LAYOUT) {
  const item = useMemo(() => (host ? panelLayoutItem(host) : null), [host]);
  const [layout, setLayout] = useState<PanelLayout>(initial);
  useEffect(() => {
    if (!item) return;
    void item.getValue().then((value) => setLayout(sanitizeLayout(value)));
    return item.watch((next) => setLayout(sanitizeLayout(next ?? DEFAULT_PANEL_LAYOUT)));
  }, [item]);
  const save = (next: PanelLayout) => {
    setLayout(next);
    void item?.setValue(next);
  };
  return {
    layout,
    setCollapsed: (collapsed: boolean) => save({ ...layout, collapsed }),
    setWidth: (width: number) => save({ ...layout, width: clampWidth(width) }),
    setFloating: (floating: boolean) => save({ ...layout, floating }),
  };
}
