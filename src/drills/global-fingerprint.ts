/**
 * A record of a global scope's shape, so a runner worker that is reused across runs can tell
 * whether user code left anything behind: a new or replaced global, a changed built-in
 * (`Array.prototype.sum = …`, `Math.max = …`), a frozen or re-parented prototype, a new
 * `onmessage`. The page replaces a worker whose fingerprint changed instead of reusing it.
 *
 * It walks own properties of the global object, its prototype chain, every object a global data
 * property holds (two levels down, so `Intl.NumberFormat` and `WebAssembly.Module` are in), the
 * `prototype` objects of every constructor among them and their prototypes, plus the intrinsics no global names
 * (generator and iterator prototypes, %TypedArray%). Getters are never called, except the global
 * scope's own accessors (`self.navigator`, `self.onmessage`), which are cheap and side-effect free.
 */

type Entry = [
  owner: object,
  key: PropertyKey,
  value: unknown,
  get: unknown,
  set: unknown,
  flags: number,
  viaGetter: boolean,
];

export interface GlobalFingerprint {
  objects: Map<object, { proto: object | null; extensible: boolean; keyCount: number }>;
  entries: Entry[];
  /** The global object and its prototypes, whose entries come first in `entries`. */
  scopeChain: object[];
  scopeEntryCount: number;
}

const isObjectLike = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/** Intrinsics that no global property names, reached through syntax. */
function hiddenIntrinsics(): object[] {
  const proto = Object.getPrototypeOf;
  const roots: unknown[] = [
    proto(function* () {}),
    proto(async () => {}),
    proto(async function* () {}),
    proto(proto(function* () {}).prototype),
    proto(proto(async function* () {}).prototype),
    proto([][Symbol.iterator]()),
    proto(new Map()[Symbol.iterator]()),
    proto(new Set()[Symbol.iterator]()),
    proto(''[Symbol.iterator]()),
    proto(/x/[Symbol.matchAll]('')),
    proto(Int8Array),
  ];
  return roots.filter(isObjectLike);
}

const DEPTH = 2;

export function takeFingerprint(scope: object = globalThis): GlobalFingerprint {
  const objects: GlobalFingerprint['objects'] = new Map();
  const entries: Entry[] = [];
  const queue: [object, number][] = [];
  const visit = (value: unknown, depth: number) => {
    if (!isObjectLike(value) || objects.has(value)) return;
    objects.set(value, { proto: null, extensible: true, keyCount: 0 });
    queue.push([value, depth]);
  };
  const scopeChain: object[] = [];
  for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
    scopeChain.push(target);
    visit(target, 0);
  }
  for (const intrinsic of hiddenIntrinsics()) visit(intrinsic, 1);

  let scopeEntryCount = -1;
  for (let i = 0; i < queue.length; i++) {
    const [target, depth] = queue[i];
    if (i === scopeChain.length) scopeEntryCount = entries.length;
    const proto = Object.getPrototypeOf(target) as object | null;
    const keys = Reflect.ownKeys(target);
    objects.set(target, { proto, extensible: Object.isExtensible(target), keyCount: keys.length });
    if (depth < DEPTH) visit(proto, depth + 1);
    const onScopeChain = depth === 0;
    for (const key of keys) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (!descriptor) continue;
      const flags = (descriptor.writable ? 1 : 0) | (descriptor.enumerable ? 2 : 0) | (descriptor.configurable ? 4 : 0);
      // The global scope's own accessors hold state a user can replace (`self.onmessage = …`).
      const viaGetter = onScopeChain && descriptor.get !== undefined;
      const value = viaGetter ? readThrough(descriptor, scope) : descriptor.value;
      entries.push([target, key, value, descriptor.get, descriptor.set, flags, viaGetter]);
      // A constructor's prototype counts as part of the constructor (Intl.NumberFormat.prototype).
      if (key === 'prototype' && typeof target === 'function') visit(value, depth);
      else if (depth < DEPTH) visit(value, depth + 1);
    }
  }
  if (scopeEntryCount < 0) scopeEntryCount = entries.length;
  return { objects, entries, scopeChain, scopeEntryCount };
}

/**
 * Whether `scope` still looks as it did when `before` was taken. Returns the first difference, for
 * tests and logs. `globalsOnly` checks just the global object and its prototypes (about a tenth
 * of the work: fast enough to do before every run).
 */
export function findChange(
  before: GlobalFingerprint,
  scope: object = globalThis,
  globalsOnly = false,
): string | undefined {
  const objects = globalsOnly
    ? before.scopeChain.map((target) => [target, before.objects.get(target)] as const)
    : before.objects;
  for (const [target, shape] of objects) {
    if (!shape) continue;
    if (Object.getPrototypeOf(target) !== shape.proto) return 'a prototype was replaced';
    if (Object.isExtensible(target) !== shape.extensible) return 'an object was frozen or sealed';
    if (Reflect.ownKeys(target).length !== shape.keyCount) {
      return target === scope ? 'a global was added or removed' : 'a built-in gained or lost a property';
    }
  }
  const entries = globalsOnly ? before.entries.slice(0, before.scopeEntryCount) : before.entries;
  for (const [target, key, value, get, set, flags, viaGetter] of entries) {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return `${String(key)} was removed`;
    const nowFlags =
      (descriptor.writable ? 1 : 0) | (descriptor.enumerable ? 2 : 0) | (descriptor.configurable ? 4 : 0);
    const nowValue = viaGetter && descriptor.get ? readThrough(descriptor, scope) : descriptor.value;
    if (nowFlags !== flags || descriptor.get !== get || descriptor.set !== set || !Object.is(nowValue, value)) {
      return `${String(key)} was changed`;
    }
  }
  return undefined;
}

function readThrough(descriptor: PropertyDescriptor, scope: object): unknown {
  try {
    return descriptor.get ? Reflect.apply(descriptor.get, scope, []) : descriptor.value;
  } catch {
    return undefined;
  }
}
