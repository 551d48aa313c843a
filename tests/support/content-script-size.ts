import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './chromium';

/** design.md's budget for the script that runs on every helpdesk page, gzipped. */
export const CONTENT_SCRIPT_BUDGET_KB = 25;

/** The built content script's size in bytes, raw and gzipped (level 9). */
export function builtContentScriptSize(): { raw: number; gzipped: number } {
  const bundle = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'));
  return { raw: bundle.length, gzipped: gzipSync(bundle, { level: 9 }).length };
}
