import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressChange } from '../../src/service/change-channel';
import { ConflictError, ProgressService } from '../../src/service/progress-service';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { createBackup } from '../../src/storage/backup';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { channelHub, memoryService } from '../support/progress-service';
import { sampleMock } from '../support/sample-mock';

const NOW = new Date(2026, 11, 5, 12).getTime();

let repo: MemoryProgressRepository;
let service: ProgressService;
let heard: ProgressChange[];

beforeEach(() => {
  repo = new MemoryProgressRepository();
  service = memoryService(repo);
  heard = [];
  service.onChange((change) => heard.push(change));
});

describe('progress service: every write announces itself', () => {
  it('settings: saving and changing a part of them', async () => {
    await service.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 7 });
    const next = await service.updateSettings({ maxReviewsPerDay: 50 });
    expect(next).toMatchObject({ newPerDay: 7, maxReviewsPerDay: 50 });
    expect(await service.getSettings()).toEqual(next);
    expect(heard.map((c) => c.kinds)).toEqual([['settings'], ['settings']]);
  });

  it('a grading names its card; an undo announces a change of the review log', async () => {
    const { record } = await service.grade(
      { questionId: 'q1', rating: 3, source: 'review', durationMs: 5000, now: NOW, expectedLastReviewId: undefined },
      0.9,
    );
    await service.undo(record.id, NOW + 1000);
    expect(heard).toEqual([
      { kinds: ['reviews'], questionIds: ['q1'], keys: [] },
      { kinds: ['reviews'], questionIds: [], keys: [] },
    ]);
    expect((await service.loadCards()).has('q1')).toBe(false);
  });

  it('records name their keys, so a draft saved while typing can be told apart from a mock', async () => {
    await service.setValue('draft:q1:python', 'x = 1');
    await service.deleteValue('draft:q1:python');
    expect(heard.map((c) => c.keys)).toEqual([['draft:q1:python'], ['draft:q1:python']]);
    expect(await service.getValue('draft:q1:python')).toBeUndefined();
  });

  it('an import announces reviews, settings and records, even when it fails halfway', async () => {
    const backup = createBackup(DEFAULT_SETTINGS, [], [], NOW);
    await service.importBackup(backup, 'replace');
    vi.spyOn(repo, 'importBackup').mockRejectedValueOnce(new Error('disk full'));
    await expect(service.importBackup(backup, 'merge')).rejects.toThrow('disk full');
    expect(heard.map((c) => c.kinds)).toEqual([
      ['reviews', 'settings', 'records'],
      ['reviews', 'settings', 'records'],
    ]);
  });

  it('nothing is announced when the write itself fails', async () => {
    vi.spyOn(repo, 'saveSettings').mockRejectedValueOnce(new Error('Your browser storage is full'));
    await expect(service.saveSettings(DEFAULT_SETTINGS)).rejects.toThrow('storage is full');
    expect(heard).toEqual([]);
  });

  it('another tab hears each change once; this tab hears its own once, not twice through the channel', async () => {
    const hub = channelHub();
    const shared = new MemoryProgressRepository();
    const mine = new ProgressService(shared, hub());
    const other = new ProgressService(shared, hub());
    const mineHeard: ProgressChange[] = [];
    const otherHeard: ProgressChange[] = [];
    mine.onChange((c) => mineHeard.push(c));
    other.onChange((c) => otherHeard.push(c));
    await mine.setValue('interview-date', '2027-01-10');
    expect(mineHeard).toHaveLength(1);
    expect(otherHeard).toEqual(mineHeard);
  });

  it('rebuilding card states announces a change of the review log', async () => {
    await service.rebuildCardCache();
    expect(heard).toEqual([{ kinds: ['reviews'], questionIds: [], keys: [] }]);
  });

  it('a closed service no longer hears other tabs', async () => {
    const hub = channelHub();
    const shared = new MemoryProgressRepository();
    const mine = new ProgressService(shared, hub());
    const other = new ProgressService(shared, hub());
    const mineHeard: ProgressChange[] = [];
    mine.onChange((c) => mineHeard.push(c));
    mine.close();
    await other.setValue('k', 1);
    expect(mineHeard).toEqual([]);
  });

  it('a listener that stops hears nothing more', async () => {
    const later: ProgressChange[] = [];
    const stop = service.onChange((c) => later.push(c));
    stop();
    await service.setValue('k', 1);
    expect(later).toEqual([]);
  });
});

describe('progress service: grading from outside the review screen', () => {
  it('records the grade with the settings’ retention and the time taken', async () => {
    const record = await service.recordGrade('q1', 4, 'drill', 90_000, () => NOW);
    expect(record).toMatchObject({ questionId: 'q1', rating: 4, source: 'drill', durationMs: 90_000, time: NOW });
    expect((await service.loadCards()).get('q1')?.lastReviewId).toBe(record.id);
    expect(heard).toEqual([{ kinds: ['reviews'], questionIds: ['q1'], keys: [] }]);
  });

  it('grades on top when another tab graded the same card a moment before', async () => {
    const grade = repo.grade.bind(repo);
    vi.spyOn(repo, 'grade')
      .mockImplementationOnce(async () => {
        throw new ConflictError('q1');
      })
      .mockImplementation(grade);
    const record = await service.recordGrade('q1', 3, 'mock', 1000, () => NOW);
    expect((await service.allReviews()).map((r) => r.id)).toEqual([record.id]);
  });

  it('any other failure reaches the caller, and nothing is announced', async () => {
    vi.spyOn(repo, 'grade').mockRejectedValue(new Error('Your browser storage is full'));
    await expect(service.recordGrade('q1', 3, 'mock', 1000)).rejects.toThrow('storage is full');
    expect(heard).toEqual([]);
  });
});

describe('progress service: mocks', () => {
  it('a mock in progress is the active one until it is done', async () => {
    const running = { ...sampleMock(NOW), id: 'm1', status: 'running' as const };
    await service.saveMock(running);
    expect((await service.activeMock())?.id).toBe('m1');
    await service.saveMock({ ...running, status: 'done' });
    expect(await service.activeMock()).toBeUndefined();
    expect(await service.getValue('mock-active')).toBeUndefined();
    expect(heard.at(-1)).toEqual({ kinds: ['records'], questionIds: [], keys: ['mock:m1', 'mock-active'] });
  });

  it('lists mocks newest first and skips a damaged record instead of failing', async () => {
    await service.saveMock({ ...sampleMock(NOW), id: 'old' });
    await service.saveMock({ ...sampleMock(NOW + 1000), id: 'new' });
    await repo.setValue('mock:broken', { id: 'broken', items: 'not a list' });
    expect((await service.listMocks()).map((m) => m.id)).toEqual(['new', 'old']);
    expect(await service.loadMock('broken')).toBeUndefined();
  });

  it('an active pointer to a missing mock means no mock is in progress', async () => {
    await repo.setValue('mock-active', 'gone');
    expect(await service.activeMock()).toBeUndefined();
  });
});
