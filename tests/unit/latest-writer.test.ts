/**
 * Saving what the user is typing or drawing: one write at a time, only the newest state waits
 * while a write is in flight, the last change always lands, and a failed write is reported.
 */
import { describe, expect, it } from 'vitest';
import { LatestWriter } from '../../src/storage/latest-writer';

/** A store whose writes finish only when the test says so. */
function slowStore() {
  const written: string[] = [];
  const inFlight: { value: string; finish: (error?: Error) => void }[] = [];
  const write = (value: string) =>
    new Promise<void>((resolve, reject) => {
      inFlight.push({
        value,
        finish: (error) => {
          if (error) reject(error);
          else {
            written.push(value);
            resolve();
          }
        },
      });
    });
  return { written, inFlight, write };
}

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LatestWriter', () => {
  it('skips states overtaken while a write was in flight, and always writes the last one', async () => {
    const store = slowStore();
    const results: (Error | undefined)[] = [];
    const writer = new LatestWriter(store.write, (error) => results.push(error));
    writer.push('a');
    writer.push('ab');
    writer.push('abc');
    expect(store.inFlight.map((w) => w.value)).toEqual(['a']);
    store.inFlight[0].finish();
    await flushMicrotasks();
    expect(store.inFlight.map((w) => w.value)).toEqual(['a', 'abc']);
    store.inFlight[1].finish();
    await writer.flushed();
    expect(store.written).toEqual(['a', 'abc']);
    expect(results).toEqual([undefined, undefined]);
  });

  it('reports a failed write and goes on with the next state', async () => {
    const store = slowStore();
    const results: (string | undefined)[] = [];
    const writer = new LatestWriter(store.write, (error) => results.push(error?.message));
    writer.push('x');
    writer.push('xy');
    store.inFlight[0].finish(new Error('QuotaExceededError'));
    await flushMicrotasks();
    store.inFlight[1].finish();
    await writer.flushed();
    expect(results).toEqual(['QuotaExceededError', undefined]);
    expect(store.written).toEqual(['xy']);
  });

  it('starts writing again after going idle', async () => {
    const store = slowStore();
    const writer = new LatestWriter(store.write, () => {});
    await writer.flushed();
    writer.push('1');
    store.inFlight[0].finish();
    await writer.flushed();
    writer.push('2');
    store.inFlight[1].finish();
    await writer.flushed();
    expect(store.written).toEqual(['1', '2']);
  });
});
