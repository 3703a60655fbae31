import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './scripts/vite-plugin-bank.ts';
import { cspPlugin, cspPreviewPlugin } from './scripts/vite-plugin-csp.ts';
import { excalidrawAssetsPlugin } from './scripts/vite-plugin-excalidraw.ts';
import { pyodidePlugin } from './scripts/vite-plugin-pyodide.ts';
import { pythonSnapshotPlugin } from './scripts/vite-plugin-python-snapshot.ts';
import { pgliteDataDirPlugin } from './src/drills/sql/prepared-datadir.ts';

const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // DRILLBOOK_BANK_DIR points the build at another bank folder (fixtures in tests).
  plugins: [
    react(),
    bankPlugin(process.env.DRILLBOOK_BANK_DIR),
    pyodidePlugin(),
    // Excalidraw's fonts from our origin, for the whiteboard offline.
    excalidrawAssetsPlugin(),
    // A Python memory snapshot in the build, so a first visit restores Python instead of starting it.
    pythonSnapshotPlugin(),
    // A ready Postgres data directory in the build, so the first SQL drill skips initdb.
    pgliteDataDirPlugin(),
    cspPlugin(),
    cspPreviewPlugin(),
    VitePWA({
      // A new version waits for the user's go-ahead (never swapped in mid-mock); see update-prompt.tsx.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Drillbook: AI/ML interview practice',
        short_name: 'Drillbook',
        description: 'Mock interviews, coding drills and spaced repetition for AI and ML engineering interviews.',
        theme_color: '#3550c8',
        background_color: '#f7f7f5',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything a feature needs offline: every screen and question chunk, Monaco and its
        // workers and icon font, Pyodide's runtime, standard library and snapshot, PGlite's Postgres. KaTeX's older font
        // formats are skipped: every browser that runs Drillbook reads woff2.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff2,wasm,zip,json,data,tgz,bin}', 'assets/codicon-*.ttf'],
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: '/index.html',
        // Xiaolai is Excalidraw's 13 MB CJK handwriting font: fetched only if such text is drawn.
        globIgnores: ['**/excalidraw/fonts/Xiaolai/**'],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // monaco-vim imports Monaco's old deep path, which monaco-editor 0.57 no longer exports: same module.
    alias: [{ find: /^monaco-editor\/esm\/vs\/editor\/editor\.api(\.js)?$/, replacement: 'monaco-editor' }],
  },
  // PGlite loads its WebAssembly and data relative to its own module: Vite must not pre-bundle it.
  optimizeDeps: { exclude: ['pyodide', '@electric-sql/pglite'] },
  worker: { format: 'es' },
  // Cross-origin isolation lets Stop interrupt Python instead of restarting it (see code-runner.ts).
  // Every resource is our own, so requiring CORP costs nothing; static hosts should send the same.
  server: { host: '127.0.0.1', port: 5173, headers: CROSS_ORIGIN_ISOLATION },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION },
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx', 'tests/bank/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    // `npm run coverage`: line coverage of src/, with components (.tsx) and workers reported apart
    // from the logic, stores and services (.ts) that unit tests are meant to cover.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.d.ts', 'src/main.tsx'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});
