// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStatus } from '@/components/hooks/useStatus';
import { createSyncSignal } from '@/lib/directory/sync-signal';
import type { ExtensionStatus } from '@/lib/messaging/views';

const channel = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging/channel', () => channel);

function statusWith(running: boolean): ExtensionStatus {
  return {
    oktaDomain: 'https://acme.okta.com',
    authMode: 'ssws',
    connected: true,
    identity: null,
    sync: { running, phase: running ? 'users' : null, done: 0, total: null, ratePerSecond: null, etaSeconds: null, waitingForReaders: false, lastSuccessAt: null, lastError: null, counts: { users: 0, groups: 0, apps: 0 } },
  } as ExtensionStatus;
}

function Probe({ pollMs }: { pollMs: number }) {
  const { status, error } = useStatus(pollMs);
  return <p>{error ?? (status?.sync?.running ? 'running' : status ? 'at rest' : 'loading')}</p>;
}

/** Moves the fake clock on by `ms` and lets the hook's reads and re-renders finish. */
const advance = (ms: number) => act(async () => {
  await vi.advanceTimersByTimeAsync(ms);
});

describe('useStatus with a polling interval', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    channel.sendMessage.mockReset();
    root = document.createElement('div');
  });
  afterEach(() => {
    act(() => render(null, root));
    vi.useRealTimers();
  });

  it('does not poll the worker at rest, and re-reads when the worker signals a sync starting', async () => {
    channel.sendMessage.mockResolvedValue(statusWith(false));
    act(() => render(<Probe pollMs={1000} />, root));
    await advance(0);
    expect(root.textContent).toBe('at rest');
    await advance(10_000);
    expect(channel.sendMessage).toHaveBeenCalledTimes(1);

    channel.sendMessage.mockResolvedValue(statusWith(true));
    await act(async () => {
      await createSyncSignal()(true);
    });
    await advance(0);
    expect(channel.sendMessage).toHaveBeenCalledTimes(2);
    expect(root.textContent).toBe('running');
  });

  it('polls while a sync runs, and stops once an answer says it has ended', async () => {
    channel.sendMessage.mockResolvedValue(statusWith(true));
    act(() => render(<Probe pollMs={1000} />, root));
    await advance(0);
    await advance(3000);
    expect(channel.sendMessage).toHaveBeenCalledTimes(4);

    channel.sendMessage.mockResolvedValue(statusWith(false));
    await advance(1000);
    expect(root.textContent).toBe('at rest');
    await advance(10_000);
    expect(channel.sendMessage).toHaveBeenCalledTimes(5);
  });

  it('keeps retrying after a failed read until one succeeds', async () => {
    channel.sendMessage.mockRejectedValueOnce(new Error('The worker did not answer.')).mockResolvedValue(statusWith(false));
    act(() => render(<Probe pollMs={1000} />, root));
    await advance(0);
    expect(root.textContent).toBe('The worker did not answer.');
    await advance(1000);
    expect(root.textContent).toBe('at rest');
    await advance(10_000);
    expect(channel.sendMessage).toHaveBeenCalledTimes(2);
  });
});
