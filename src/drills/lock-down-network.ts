/**
 * Removes every way to reach the network (and shared storage) from a runner worker before user
 * code runs. The worker's Content-Security-Policy already limits connections to our own origin;
 * this holds even on a static host that sends no policy. Deleting from each prototype as well
 * stops `WorkerGlobalScope.prototype.fetch.call(self, …)`.
 */
const NAMES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'importScripts',
  'indexedDB',
  'caches',
  'BroadcastChannel',
  'Request',
];

export function lockDownNetwork(scope: object = globalThis): void {
  for (
    let target: object | null = scope;
    target && target !== Object.prototype;
    target = Object.getPrototypeOf(target)
  ) {
    for (const name of NAMES) {
      if (!Object.hasOwn(target, name)) continue;
      try {
        delete (target as Record<string, unknown>)[name];
      } catch {
        // Not configurable: shadow it instead.
      }
      if (Object.hasOwn(target, name)) {
        try {
          Object.defineProperty(target, name, { value: undefined, configurable: false, writable: false });
        } catch {}
      }
    }
  }
}
