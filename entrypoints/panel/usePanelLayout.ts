import { useEffect, useMemo, useState } from 'preact/hooks';
import { clampWidth, DEFAULT_PANEL_LAYOUT, panelLayoutItem, type PanelLayout } from '@/lib/panel-layout/layout';

/** The panel's collapsed state and width for the helpdesk host it sits on, remembered per host. */
export function usePanelLayout(host: string | null) {
  const item = useMemo(() => (host ? panelLayoutItem(host) : null), [host]);
  const [layout, setLayout] = useState<PanelLayout>(DEFAULT_PANEL_LAYOUT);
  useEffect(() => {
    if (!item) return;
    void item.getValue().then(setLayout);
    return item.watch((next) => setLayout(next ?? DEFAULT_PANEL_LAYOUT));
  }, [item]);
  const save = (next: PanelLayout) => {
    setLayout(next);
    void item?.setValue(next);
  };
  return {
    layout,
    setCollapsed: (collapsed: boolean) => save({ ...layout, collapsed }),
    setWidth: (width: number) => save({ ...layout, width: clampWidth(width) }),
  };
}
