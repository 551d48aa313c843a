// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import SyncStatus from '@/components/SyncStatus';
import type { SyncHealth } from '@/lib/messaging/views';

const running: SyncHealth = {
  running: true,
  phase: 'users',
  done: 800,
  total: 20_000,
  ratePerSecond: 390,
  etaSeconds: 49,
  waitingForReaders: false,
  lastSuccessAt: null,
  lastError: null,
  counts: { users: 0, groups: 0, apps: 0 },
};

function rendered(health: SyncHealth): HTMLElement {
  const root = document.createElement('div');
  act(() => render(<SyncStatus health={health} compact />, root));
  return root;
}

describe('SyncStatus', () => {
  it('shows a running sync’s phase, counts, rate and time left', () => {
    const root = rendered(running);
    expect(root.textContent).toContain('Reading people: 800 of 20,000 people · 390 records/s · about 49 s left');
    expect(root.querySelector('progress')?.value).toBeCloseTo(0.04);
    expect(root.querySelector('[data-testid="sync-waiting-for-readers"]')).toBeNull();
  });

  it('says why a running sync has slowed down while it waits for searching to pause', () => {
    const root = rendered({ ...running, waitingForReaders: true });
    expect(root.querySelector('[data-testid="sync-waiting-for-readers"]')?.textContent).toBe(
      'Waiting while the directory is being searched; the sync goes on once searching pauses.',
    );
  });
});
