import { describe, expect, it, vi } from 'vitest';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';

describe('the page’s progress service', () => {
  it('is opened once and shared; a failed open (blocked by another tab) is tried again next time', async () => {
    vi.resetModules();
    const open = vi
      .fn()
      .mockRejectedValueOnce(new Error('Another tab is upgrading the database'))
      .mockResolvedValue(new MemoryProgressRepository());
    vi.doMock('../../src/storage/progress-connection', () => ({ progressRepository: open }));
    const { progressService } = await import('../../src/service/service-connection');
    await expect(progressService()).rejects.toThrow('upgrading');
    const first = await progressService();
    expect(await progressService()).toBe(first);
    expect(open).toHaveBeenCalledTimes(2);
    vi.doUnmock('../../src/storage/progress-connection');
  });
});
