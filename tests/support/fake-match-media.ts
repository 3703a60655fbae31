/**
 * A window.matchMedia whose answers a test sets and changes (jsdom has none): `set(query, matches)`
 * fires the change listeners of that query, as a browser does when the system theme flips.
 */
import { vi } from 'vitest';

export function installMatchMedia(initial: Record<string, boolean> = {}) {
  const matches = new Map(Object.entries(initial));
  const listeners = new Map<string, Set<() => void>>();
  const listenersOf = (query: string) => {
    if (!listeners.has(query)) listeners.set(query, new Set());
    return listeners.get(query) as Set<() => void>;
  };
  const matchMedia = (query: string) => ({
    media: query,
    get matches() {
      return matches.get(query) ?? false;
    },
    addEventListener: (_type: 'change', listener: () => void) => listenersOf(query).add(listener),
    removeEventListener: (_type: 'change', listener: () => void) => listenersOf(query).delete(listener),
  });
  vi.stubGlobal('matchMedia', matchMedia);
  return {
    set(query: string, value: boolean) {
      matches.set(query, value);
      for (const listener of [...listenersOf(query)]) listener();
    },
    listenerCount: (query: string) => listenersOf(query).size,
  };
}
