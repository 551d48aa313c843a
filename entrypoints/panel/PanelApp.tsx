import { useLayoutEffect, useState } from 'preact/hooks';
import { primeCachedCard } from '@/components/hooks/useUserCard';
import type { Detection } from '@/lib/detect/types';
import { sendMessage } from '@/lib/messaging/channel';
import { usePanelLayout } from './usePanelLayout';
import { useTabDetection } from './useTabDetection';
import ResizeHandle from './ResizeHandle';
import RequesterView from './RequesterView';
import PickOnPageButton from './PickOnPageButton';

/** Asked for as soon as the panel's code runs, before the first render (PanelApp shows a refusal). */
const panelContext = sendMessage('getPanelContext', { nonce: location.hash.slice(1) });
panelContext.catch(() => undefined);

/** The side panel on a ticket page: follows the tab's active ticket and shows its people in Okta. */
export default function PanelApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [pageHost, setPageHost] = useState<string | null>(null);
  const [initial, setInitial] = useState<Detection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { layout, setCollapsed, setWidth, setFloating } = usePanelLayout(pageHost);

  // A layout effect: the frame may still be hidden, where a plain effect waits for a paint.
  useLayoutEffect(() => {
    panelContext
      .then((ctx) => {
        if (ctx.firstCard) primeCachedCard({ email: ctx.firstCard.email }, ctx.firstCard.card);
        setTabId(ctx.tabId);
        setPageHost(ctx.pageHost);
        setInitial(ctx.detection);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const detection = useTabDetection(tabId, initial);

  if (layout.collapsed) {
    return (
      <button type="button" class="collapsed-tab" aria-label="Open Deskside panel" onClick={() => setCollapsed(false)}>
        Deskside
      </button>
    );
  }
  return (
    <div class="panel">
      <ResizeHandle width={layout.width} onResize={setWidth} />
      <header class="panel-header">
        <h1>Deskside</h1>
        <button
          type="button"
          aria-pressed={layout.floating}
          title={layout.floating ? 'Floating over the page: click to make room beside it' : 'Beside the page: click to float over it'}
          onClick={() => setFloating(!layout.floating)}
        >
          Float over page
        </button>
        <button type="button" aria-label="Collapse Deskside panel" title="Collapse" onClick={() => setCollapsed(true)}>
          ›
        </button>
      </header>
      <main class="panel-body" aria-label="Okta details for this ticket">
        {error ? (
          <p class="alert error" role="alert">{error}</p>
        ) : detection ? (
          <RequesterView detection={detection} />
        ) : (
          <p class="muted">Looking for the requester on this ticket…</p>
        )}
        {error ? null : <PickOnPageButton key={JSON.stringify(detection?.people ?? null)} nonce={location.hash.slice(1)} />}
      </main>
    </div>
  );
}
