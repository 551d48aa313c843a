import { renderToString } from 'preact-render-to-string';
import type { PanelStart } from '@/lib/messaging/views';
import PanelApp from './PanelApp';

/** Never settles: effects do not run while rendering to a string, and the frame asks for itself once it runs. */
const UNANSWERED = new Promise<never>(() => {});

/**
 * The panel's first render as markup, for the service worker to put in the frame's document: the
 * card shows as soon as the document is parsed, and the panel's script hydrates the same tree.
 */
export function panelMarkup(start: PanelStart, nonce: string): string {
  return renderToString(<PanelApp nonce={nonce} start={start} context={UNANSWERED} />);
}
