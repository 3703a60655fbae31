/**
 * The production build served by `vite preview` for a benchmark script, on its own port. Vite is
 * started directly, not through npx, so that stopping it really stops the server.
 */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ origin: string; stop: () => void }> {
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  // Ready when it answers, not after a fixed wait.
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop: () => server.kill() };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${origin}`);
}
