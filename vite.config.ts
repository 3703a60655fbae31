import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './scripts/vite-plugin-bank.ts';
import { pyodidePlugin } from './scripts/vite-plugin-pyodide.ts';

export default defineConfig({
  // DRILLBOOK_BANK_DIR points the build at another bank folder (fixtures in tests).
  plugins: [react(), bankPlugin(process.env.DRILLBOOK_BANK_DIR), pyodidePlugin()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx', 'tests/bank/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
