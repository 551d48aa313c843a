import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * How many pixels differ between two screenshots of the same size, edge smoothing not counted: a
 * layer that Chromium rasterises on its own (the page root while the panel makes room) can smooth
 * a rounded corner one shade differently.
 */
export function differingPixels(a: Buffer, b: Buffer): number {
  const one = PNG.sync.read(a);
  const two = PNG.sync.read(b);
  if (one.width !== two.width || one.height !== two.height) {
    throw new Error(`The screenshots differ in size: ${one.width}×${one.height} and ${two.width}×${two.height}.`);
  }
  return pixelmatch(one.data, two.data, null, one.width, one.height, { threshold: 0 });
}
