/**
 * Content-Security-Policy. The built index.html carries the page policy as a meta tag (for any
 * static host); the preview server also sends it as a header, and sends the runner workers their
 * own policy, because a worker follows the policy of its own script's response, not the page's.
 * Dev mode is left alone: Vite's dev server injects inline scripts for hot reload.
 */
import type { Plugin } from 'vite';

const common = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // Recorded answers play from blob: URLs made on this page (answer-aloud.tsx); nothing remote.
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The page: no inline or eval'd script, no network destination but our origin. Styles may be inline (Monaco, KaTeX). */
export const PAGE_POLICY = [
  ...common,
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/** Workers: the JS runner evaluates the user's code and Pyodide compiles WebAssembly; still no network but ours. */
export const WORKER_POLICY = [...common, "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'"].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'drillbook-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export function cspPreviewPlugin(): Plugin {
  return {
    name: 'drillbook-csp-preview',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const isWorker = /\.worker-[\w-]+\.js$|worker.*\.js$|\/pyodide\//.test(path) || path.endsWith('sw.js');
        res.setHeader('Content-Security-Policy', isWorker ? WORKER_POLICY : `${PAGE_POLICY}; frame-ancestors 'none'`);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        next();
      });
    },
  };
}
