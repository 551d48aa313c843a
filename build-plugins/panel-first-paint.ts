import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g;

/** The chunk `fileName` and every chunk it imports statically, transitively. */
function withStaticImports(bundle: OutputBundle, fileName: string, found = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (found.has(fileName) || chunk?.type !== 'chunk') return found;
  found.add(fileName);
  for (const imported of chunk.imports) withStaticImports(bundle, imported, found);
  return found;
}

/** Each stylesheet the page links, as a style element holding the emitted CSS (left linked if it could end the element). */
export function inlineStylesheets(html: string, bundle: OutputBundle): string {
  return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const asset = bundle[fileName];
    const css = asset?.type === 'asset' ? String(asset.source) : undefined;
    return css === undefined || /<\/style/i.test(css) ? link : `<style>${css}</style>`;
  });
}

/** Modulepreload links, at the end of the head, for the chunks `entry` imports dynamically and theirs that the page does not load already. */
export function preloadDynamicImports(html: string, bundle: OutputBundle, entry: Rollup.OutputChunk): string {
  const loaded = withStaticImports(bundle, entry.fileName);
  const files = new Set<string>();
  for (const dynamic of entry.dynamicImports) withStaticImports(bundle, dynamic, files);
  const links = [...files]
    .filter((file) => !loaded.has(file))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}

/**
 * The panel's document paints the card before its script runs (entrypoints/panel/main.tsx): its
 * styles are in the document rather than fetched through the browser process (render-blocking),
 * and the app its script imports after that paint is fetched while the document is read.
 */
export function panelFirstPaint(): Plugin {
  return {
    name: 'deskside:panel-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle, chunk }) {
        if (!bundle || !chunk || !/[\\/]entrypoints[\\/]panel[\\/]index\.html$/.test(filename)) return html;
        return preloadDynamicImports(inlineStylesheets(html, bundle), bundle, chunk);
      },
    },
  };
}
