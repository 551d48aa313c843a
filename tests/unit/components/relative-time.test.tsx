// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RelativeTime from '@/components/RelativeTime';

afterEach(() => {
  vi.useRealTimers();
});

describe('RelativeTime', () => {
  it('moves on by itself while mounted: "just now" becomes "1 minute ago" without a re-render from its parent', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') });
    const root = document.createElement('div');
    act(() => render(<RelativeTime value="2026-03-01T11:59:50Z" />, root));
    expect(root.textContent).toBe('just now');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(root.textContent).toBe('1 minute ago');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-01T11:59:50.000Z');
    act(() => render(null, root));
    expect(vi.getTimerCount()).toBe(0);
  });
});
