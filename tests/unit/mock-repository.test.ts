/** A mock survives a reload: saved through the page's progress service (fake IndexedDB), loaded back by id. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadMock, saveMock } from '../../src/mock/mock-repository';
import { sampleMock } from '../support/sample-mock';

describe('the mock repository', () => {
  it('gives back a saved mock by id, and nothing for an unknown id', async () => {
    const mock = { ...sampleMock(1_780_000_000_000), id: 'mock-reload' };
    await saveMock(mock);
    expect(await loadMock('mock-reload')).toEqual(mock);
    expect(await loadMock('never-saved')).toBeUndefined();
  });

  it('keeps the latest state of a running mock', async () => {
    const running = { ...sampleMock(1_780_000_000_000), id: 'mock-running', status: 'running' as const, current: 0 };
    await saveMock(running);
    await saveMock({ ...running, current: 1 });
    expect((await loadMock('mock-running'))?.current).toBe(1);
  });
});
