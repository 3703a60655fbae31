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

export function excalidrawAssetsPlugin(): Plugin {
  return {
    name: 'drillbook-excalidraw-assets',
    config() {
      const from = resolve('node_modules/@excalidraw/excalidraw/dist/prod/fonts');
      const to = resolve('public', EXCALIDRAW_ASSET_DIR, 'fonts');
      if (!existsSync(to)) cpSync(from, to, { recursive: true });
    },
  };
}
