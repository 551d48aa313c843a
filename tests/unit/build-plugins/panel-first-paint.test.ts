import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { inlineStylesheets, preloadDynamicImports } from '@/build-plugins/panel-first-paint';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = []) =>
  ({ type: 'chunk', fileName, imports, dynamicImports }) as unknown as Rollup.OutputChunk;
const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source }) as unknown as Rollup.OutputAsset;

function bundleOf(...outputs: (Rollup.OutputChunk | Rollup.OutputAsset)[]): Rollup.OutputBundle {
  return Object.fromEntries(outputs.map((output) => [output.fileName, output]));
}

const PAGE = `<html><head>
<script type="module" crossorigin src="/chunks/panel-1.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/theme-1.js">
<link rel="stylesheet" crossorigin href="/assets/theme-1.css">
<link rel="stylesheet" crossorigin href="/assets/panel-1.css">
</head><body><div id="app"></div></body></html>`;

describe('inlineStylesheets', () => {
  it('puts each linked stylesheet in the document, in its place', () => {
    const html = inlineStylesheets(PAGE, bundleOf(asset('assets/theme-1.css', ':root{--bg:#fff}'), asset('assets/panel-1.css', '.panel{display:flex}')));
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/chunks/theme-1.js">\n<style>:root{--bg:#fff}</style>\n<style>.panel{display:flex}</style>\n</head>');
  });

  it('keeps the link of a stylesheet that is not in the bundle or could end the style element', () => {
    const html = inlineStylesheets(PAGE, bundleOf(asset('assets/theme-1.css', 'a::after{content:"</STYLE>"}')));
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/theme-1.css">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/panel-1.css">');
  });
});

describe('preloadDynamicImports', () => {
  it('preloads the dynamically imported chunk and its imports, not what the page loads already', () => {
    const entry = chunk('chunks/panel-1.js', ['chunks/theme-1.js'], ['chunks/mount-1.js']);
    const bundle = bundleOf(
      entry,
      chunk('chunks/theme-1.js'),
      chunk('chunks/mount-1.js', ['chunks/panel-1.js', 'chunks/card-1.js']),
      chunk('chunks/card-1.js', ['chunks/theme-1.js', 'chunks/lookup-1.js']),
      chunk('chunks/lookup-1.js', ['chunks/card-1.js']),
      chunk('chunks/options-1.js', ['chunks/card-1.js']),
    );
    const html = preloadDynamicImports(PAGE, bundle, entry);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].map((match) => match[1]);
    expect(preloaded).toEqual(['chunks/theme-1.js', 'chunks/mount-1.js', 'chunks/card-1.js', 'chunks/lookup-1.js']);
    expect(html.indexOf('chunks/lookup-1.js')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leaves a page whose entry imports nothing dynamically as it is', () => {
    const entry = chunk('chunks/panel-1.js', ['chunks/theme-1.js']);
    expect(preloadDynamicImports(PAGE, bundleOf(entry, chunk('chunks/theme-1.js')), entry)).toBe(PAGE);
  });
});
