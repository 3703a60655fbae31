import { afterEach, describe, expect, it, vi } from 'vitest';
import { broadcastChannel, type ProgressChange } from '../../src/service/change-channel';

const change: ProgressChange = { kinds: ['reviews'], questionIds: ['q1'], keys: [] };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** Waits until `check` passes (BroadcastChannel delivers on a later turn). */
async function eventually(check: () => void) {
  await vi.waitFor(check, { timeout: 2000, interval: 10 });
}

describe('the cross-tab change channel (BroadcastChannel)', () => {
  it('another tab hears a change; the sender does not hear its own', async () => {
    const name = `test-${Math.random()}`;
    const mine = broadcastChannel(name);
    const other = broadcastChannel(name);
    const mineHeard: ProgressChange[] = [];
    const otherHeard: ProgressChange[] = [];
    closers.push(
      mine.listen((c) => mineHeard.push(c)),
      other.listen((c) => otherHeard.push(c)),
    );
    mine.post(change);
    await eventually(() => expect(otherHeard).toEqual([change]));
    expect(mineHeard).toEqual([]);
  });

  it('ignores messages that are not changes (another version of the app, a stray post)', async () => {
    const name = `test-${Math.random()}`;
    const listener = broadcastChannel(name);
    const heard: ProgressChange[] = [];
    closers.push(listener.listen((c) => heard.push(c)));
    const stray = new BroadcastChannel(name);
    stray.postMessage({ type: 'something-else', kinds: ['reviews'] });
    stray.postMessage(null);
    stray.postMessage({ type: 'progress-changed', kinds: ['settings'] });
    await eventually(() => expect(heard).toEqual([{ kinds: ['settings'], questionIds: [], keys: [] }]));
    stray.close();
  });

  it('without BroadcastChannel (old browsers) posting and listening do nothing and never throw', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      const channel = broadcastChannel('x');
      expect(() => channel.post(change)).not.toThrow();
      channel.listen(() => {})();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
