/**
 * Serves Excalidraw's fonts from our own origin: copies them from the package into
 * public/excalidraw/ (git-ignored) before dev or build. Without them Excalidraw fetches fonts
 * from a CDN, which the CSP blocks and which would not work offline. The whiteboard points
 * `window.EXCALIDRAW_ASSET_PATH` at `/excalidraw/` (see src/design/whiteboard-canvas.tsx).
 */
import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Xiaolai (CJK handwriting, 13 MB) is copied but not precached: see the workbox globIgnores. */
export const EXCALIDRAW_ASSET_DIR = 'excalidraw';

// Excalidraw lists a CDN copy after ours for every font. The CSP blocks it, but Chromium still
// reports each blocked URL as a console error when the font is declared, so the build drops the
// CDN entry. Pinned version: if the pattern is gone after an upgrade, the build says so.
const CDN_FALLBACK = /return (\w+)\.push\(new URL\((\w+),(\w+)\.ASSETS_FALLBACK_URL\)\),\1/;

export function dropCdnFallback(code: string): string {
  if (!code.includes('ASSETS_FALLBACK_URL')) return code;
  if (!CDN_FALLBACK.test(code)) {
    throw new Error(
      'Excalidraw changed how it builds font URLs: update CDN_FALLBACK in scripts/vite-plugin-excalidraw.ts',
    );
  }
  return code.replace(CDN_FALLBACK, 'return $1');
}

export function excalidrawAssetsPlugin(): Plugin {
  return {
    name: 'drillbook-excalidraw-assets',
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist/')) return undefined;
      const next = dropCdnFallback(code);
      return next === code ? undefined : { code: next, map: null };
    },
    config() {
      const from = resolve('node_modules/@excalidraw/excalidraw/dist/prod/fonts');
      const to = resolve('public', EXCALIDRAW_ASSET_DIR, 'fonts');
      if (!existsSync(to)) cpSync(from, to, { recursive: true });
    },
  };
}
