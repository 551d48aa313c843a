import { expect, type Frame, type Page } from '@playwright/test';

/**
 * The panel's frame on a ticket page. Its iframe sits in a closed shadow root, which selectors
 * cannot enter (that is the point), so it is found in the page's frame tree by URL instead.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => {
      frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/panel\.html/.test(f.url()));
      return Boolean(frame);
    }, { message: 'the Deskside panel frame on the page' })
    .toBe(true);
  return frame!;
}
