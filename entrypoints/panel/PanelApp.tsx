import { useLayoutEffect, useState } from 'preact/hooks';
import { InitialSettings } from '@/components/hooks/useSettings';
import { PrimedCards, PrimedCardsContext } from '@/components/hooks/useUserCard';
import type { PanelContext, PanelStart } from '@/lib/messaging/views';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { usePanelLayout } from './usePanelLayout';
import { useTabDetection } from './useTabDetection';
import ResizeHandle from './ResizeHandle';
import RequesterView from './RequesterView';
import PickOnPageButton from './PickOnPageButton';

type PanelAppProps = {
  /** The frame's nonce, from its URL: it proves to the background that our content script made the frame. */
  nonce: string;
  /** The context, settings and layout the frame's document carried (panel-document.ts), or null. */
  start: PanelStart | null;
  /** The context as the background answers the frame itself (tab-bound); a refusal replaces the panel with it. */
  context: Promise<PanelContext>;
};

function primeFirstCard(primed: PrimedCards, context: PanelContext | undefined): PrimedCards {
  if (context?.firstCard) primed.prime({ email: context.firstCard.email }, context.firstCard.card);
  return primed;
}

/** The side panel on a ticket page: follows the tab's active ticket and shows its people in Okta. */
export default function PanelApp({ nonce, start, context }: PanelAppProps) {
  const [primedCards] = useState(() => primeFirstCard(new PrimedCards(), start?.context));
  const [panelContext, setPanelContext] = useState<PanelContext | null>(start?.context ?? null);
  const [error, setError] = useState<string | null>(null);
  const { layout, setCollapsed, setWidth, setFloating } = usePanelLayout(panelContext?.pageHost ?? null, start?.layout);

  // A layout effect: the frame may still be hidden, where a plain effect waits for a paint.
  useLayoutEffect(() => {
    context
      .then((answered) => {
        // Started from its document, the panel has already shown (and used) the first card.
        if (!start) primeFirstCard(primedCards, answered);
        setPanelContext(answered);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const detection = useTabDetection(panelContext?.tabId ?? null, panelContext?.detection ?? null);

  if (layout.collapsed) {
    return (
      <button type="button" class="collapsed-tab" aria-label="Open Deskside panel" onClick={() => setCollapsed(false)}>
        Deskside
      </button>
    );
  }
  return (
    <InitialSettings.Provider value={start?.settings ?? DEFAULT_SETTINGS}>
      <PrimedCardsContext.Provider value={primedCards}>
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
            {error ? null : <PickOnPageButton key={JSON.stringify(detection?.people ?? null)} nonce={nonce} />}
          </main>
        </div>
      </PrimedCardsContext.Provider>
    </InitialSettings.Provider>
  );
}
