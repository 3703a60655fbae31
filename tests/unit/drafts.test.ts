import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftStore, type DraftValues } from '../../src/drills/drafts';
import type { EditorLanguage } from '../../src/drills/editor-language';

/** The key-value store, in memory: every write is logged, and writes fail while `failWith` is set. */
class FakeValues implements DraftValues {
  map = new Map<string, unknown>();
  writes: [string, string][] = [];
  failWith?: Error;

  getValue = async (key: string) => this.map.get(key);
  setValue = async (key: string, value: string) => {
    if (this.failWith) throw this.failWith;
    this.writes.push([key, value]);
    this.map.set(key, value);
  };
  deleteValue = async (key: string) => {
    this.map.delete(key);
  };
}

let values: FakeValues;
let results: (Error | undefined)[];

function drafts(delayMs?: number) {
  return createDraftStore<EditorLanguage>({
    id: 'softmax',
    values,
    delayMs,
    onSaveResult: (error) => results.push(error),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  values = new FakeValues();
  results = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('drafts', () => {
  it('flush writes the code still waiting for typing to pause, once (a quick reload loses nothing)', async () => {
    const store = drafts(250);
    store.save('python', 'def f(): pass');
    store.flush?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(values.writes).toEqual([['draft:softmax:python', 'def f(): pass']]);
    await vi.advanceTimersByTimeAsync(500);
    store.flush?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(values.writes).toHaveLength(1);
  });

  it('leaving the page keeps the waiting code in the rescue too, and the next load takes it back and saves it', async () => {
    const kept = new Map<string, string>();
    const rescue = {
      keep: (key: string, code: string) => void kept.set(key, code),
      take: (key: string) => {
        const code = kept.get(key);
        kept.delete(key);
        return code;
      },
      drop: (key: string) => void kept.delete(key),
    };
    // The database write started on leaving never lands (the page went away).
    const lost = new FakeValues();
    lost.setValue = () => new Promise(() => {});
    const leaving = createDraftStore<EditorLanguage>({ id: 'softmax', values: lost, rescue });
    leaving.save('python', 'def f(): return 1');
    leaving.flush?.(true);
    expect(kept.get('draft:softmax:python')).toBe('def f(): return 1');

    const next = createDraftStore<EditorLanguage>({ id: 'softmax', values, rescue });
    expect(await next.load('python')).toBe('def f(): return 1');
    await vi.advanceTimersByTimeAsync(0);
    expect(values.writes).toEqual([['draft:softmax:python', 'def f(): return 1']]);
    expect(kept.size).toBe(0);
  });

  it('a tab merely hidden writes the draft but keeps no rescue copy that could later overwrite newer work', async () => {
    const keep = vi.fn();
    const store = createDraftStore<EditorLanguage>({
      id: 'softmax',
      values,
      rescue: { keep, take: () => undefined, drop: () => {} },
    });
    store.save('python', 'x = 1');
    store.flush?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(keep).not.toHaveBeenCalled();
    expect(values.writes).toEqual([['draft:softmax:python', 'x = 1']]);
  });

  it('flush after clear writes nothing back', async () => {
    const store = drafts(250);
    store.save('python', 'x = 1');
    await store.clear('python');
    store.flush?.();
    await vi.advanceTimersByTimeAsync(500);
    expect(values.writes).toEqual([]);
  });

  it('coalesces typing into one write of the last code, the delay after the last keystroke', async () => {
    const store = drafts(100);
    store.save('python', 'd');
    await vi.advanceTimersByTimeAsync(60);
    store.save('python', 'de');
    await vi.advanceTimersByTimeAsync(60);
    store.save('python', 'def');
    await vi.advanceTimersByTimeAsync(99);
    expect(values.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(values.writes).toEqual([['draft:softmax:python', 'def']]);
    expect(results).toEqual([undefined]);
  });

  it('waits 250 ms by default', async () => {
    const store = drafts();
    store.save('sql', 'SELECT 1');
    await vi.advanceTimersByTimeAsync(249);
    expect(values.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(values.writes).toEqual([['draft:softmax:sql', 'SELECT 1']]);
  });

  it('writes only the last language and code when the language changes while typing', async () => {
    const store = drafts(100);
    store.save('python', 'def f(): pass');
    store.save('typescript', 'const f = () => 1;');
    await vi.advanceTimersByTimeAsync(100);
    expect(values.writes).toEqual([['draft:softmax:typescript', 'const f = () => 1;']]);
  });

  it('loads the stored draft of each language, and nothing where none is kept', async () => {
    values.map.set('draft:softmax:python', 'def f(): return 1');
    const store = drafts();
    expect(await store.load('python')).toBe('def f(): return 1');
    expect(await store.load('typescript')).toBeUndefined();
  });

  it('reads a stored value that is not text as no draft', async () => {
    values.map.set('draft:softmax:python', { code: 'def f(): pass' });
    values.map.set('draft:softmax:sql', 42);
    const store = drafts();
    expect(await store.load('python')).toBeUndefined();
    expect(await store.load('sql')).toBeUndefined();
  });

  it('clear deletes the draft and cancels a pending write', async () => {
    values.map.set('draft:softmax:python', 'old');
    const store = drafts(100);
    store.save('python', 'newer');
    await store.clear('python');
    await vi.advanceTimersByTimeAsync(500);
    expect(values.writes).toEqual([]);
    expect(values.map.has('draft:softmax:python')).toBe(false);
    expect(await store.load('python')).toBeUndefined();
  });

  it('reports a failed write, and the next successful one clears the report', async () => {
    const store = drafts(100);
    values.failWith = new Error('The disk is full.');
    store.save('python', 'a');
    await vi.advanceTimersByTimeAsync(100);
    expect(results).toHaveLength(1);
    expect(results[0]?.message).toBe('The disk is full.');

    values.failWith = undefined;
    store.save('python', 'ab');
    await vi.advanceTimersByTimeAsync(100);
    expect(results).toEqual([expect.any(Error), undefined]);
    expect(values.map.get('draft:softmax:python')).toBe('ab');
  });

  it('keeps each drill apart', async () => {
    const other = createDraftStore<EditorLanguage>({ id: 'argmax', values, delayMs: 100 });
    const store = drafts(100);
    store.save('python', 'softmax code');
    other.save('python', 'argmax code');
    await vi.advanceTimersByTimeAsync(100);
    expect(values.map.get('draft:softmax:python')).toBe('softmax code');
    expect(values.map.get('draft:argmax:python')).toBe('argmax code');
  });
});
