import { describe, expect, it } from 'vitest';
import { DEFAULT_PANEL_LAYOUT, PANEL_COLLAPSED_WIDTH, PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, reservedWidth, sanitizeLayout } from '@/lib/panel-layout/layout';

describe('the panel layout stored per helpdesk host', () => {
  it('is made safe whatever was written: booleans only when true, the width clamped, a missing value the default', () => {
    expect(sanitizeLayout(undefined)).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(sanitizeLayout({ collapsed: 'yes', floating: 1, width: 99999 })).toEqual({ collapsed: false, floating: false, width: PANEL_MAX_WIDTH });
    expect(sanitizeLayout({ collapsed: true, floating: true, width: 12 })).toEqual({ collapsed: true, floating: true, width: PANEL_MIN_WIDTH });
    expect(sanitizeLayout({ width: 'wide' }).width).toBe(DEFAULT_PANEL_LAYOUT.width);
  });

  it('a layout stored before the panel could float (no floating key) makes room beside the page', () => {
    expect(sanitizeLayout({ collapsed: false, width: 420 })).toEqual({ collapsed: false, width: 420, floating: false });
  });

  it('takes its width from the page beside it, the tab’s width when collapsed, and none when floating', () => {
    expect(reservedWidth({ collapsed: false, width: 420, floating: false })).toBe(420);
    expect(reservedWidth({ collapsed: true, width: 420, floating: false })).toBe(PANEL_COLLAPSED_WIDTH);
    expect(reservedWidth({ collapsed: false, width: 420, floating: true })).toBe(0);
    expect(reservedWidth({ collapsed: true, width: 420, floating: true })).toBe(0);
  });
});
