import '@/components/theme.css';
import './panel.css';
import { hasPanelStart } from '@/lib/panel-document/start-script';

/** A frame that is not rendered (its host hidden) gets no animation frames: it goes on after this long. */
const PAINT_WAIT_MS = 500;

/** Resolves after the frame's next paint, or after PAINT_WAIT_MS; at once in a background tab. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    // Rendering follows the animation-frame callbacks in the same task; a task queued there runs after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

// A document the worker served with its start already holds the card (panel-markup.tsx). It is
// painted first: evaluating the panel's modules and hydrating holds the frame's thread for tens of ms.
void (hasPanelStart(document) ? afterNextPaint() : Promise.resolve())
  .then(() => import('./mount'))
  .catch((error: unknown) => console.error('Deskside could not start its panel.', error));
