/**
 * Serves Pyodide from our own origin: copies its runtime files from node_modules/pyodide into
 * public/pyodide/ (git-ignored) before dev or build, so Python drills work offline.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

export function pyodidePlugin(): Plugin {
  return {
    name: 'drillbook-pyodide',
    config() {
      const from = resolve('node_modules/pyodide');
      const to = resolve('public/pyodide');
      mkdirSync(to, { recursive: true });
      for (const file of FILES) {
        const source = join(from, file);
        const target = join(to, file);
        if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
      }
      // Pre-bundling pyodide in dev forces a full page reload on first use.
      return { optimizeDeps: { exclude: ['pyodide'] } };
    },
  };
}
