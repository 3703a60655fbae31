/**
 * Before user code runs, a runner worker loses every way to reach the network or shared storage,
 * on the scope itself and on its prototypes (so `Proto.prototype.fetch.call(self)` fails too).
 * Tested on a stand-in scope: locking down Node's own global would break the test run.
 */
import { describe, expect, it } from 'vitest';
import { lockDownNetwork } from '../../src/drills/lock-down-network';

function workerLikeScope() {
  const workerGlobalScopePrototype = {
    fetch: () => 'network',
    importScripts: () => 'network',
    indexedDB: {},
    caches: {},
  };
  const scope = Object.create(workerGlobalScopePrototype) as Record<string, unknown>;
  Object.assign(scope, {
    XMLHttpRequest: class {},
    EventSource: class {},
    BroadcastChannel: class {},
    Request: class {},
    postMessage: () => 'kept',
    Math,
  });
  // Some browsers make a few of these non-configurable on the global.
  Object.defineProperty(scope, 'WebSocket', { value: class {}, configurable: false, writable: true });
  Object.defineProperty(scope, 'WebTransport', { value: class {}, configurable: false, writable: false });
  return { scope, workerGlobalScopePrototype };
}

describe('lockDownNetwork', () => {
  it('removes network and storage entry points from the scope and its prototypes', () => {
    const { scope, workerGlobalScopePrototype } = workerLikeScope();
    lockDownNetwork(scope);
    for (const name of ['fetch', 'importScripts', 'indexedDB', 'caches', 'XMLHttpRequest', 'EventSource']) {
      expect(scope[name], name).toBeUndefined();
    }
    expect(scope.BroadcastChannel).toBeUndefined();
    expect(scope.Request).toBeUndefined();
    expect(Object.hasOwn(workerGlobalScopePrototype, 'fetch')).toBe(false);
  });

  it('blanks a non-configurable entry point it cannot delete, for good', () => {
    const { scope } = workerLikeScope();
    lockDownNetwork(scope);
    expect(scope.WebSocket).toBeUndefined();
    expect(() => {
      scope.WebSocket = class {};
    }).toThrow(TypeError);
  });

  it('leaves alone what it cannot change and everything unrelated', () => {
    const { scope } = workerLikeScope();
    expect(() => lockDownNetwork(scope)).not.toThrow();
    // WebTransport is non-configurable and read-only here: it cannot be removed, and that does not break the lockdown.
    expect((scope.postMessage as () => string)()).toBe('kept');
    expect(scope.Math).toBe(Math);
    expect(typeof Object.prototype.toString).toBe('function');
  });
});
