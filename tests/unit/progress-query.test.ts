import { beforeEach, describe, expect, it, vi } from 'vitest';
import { touchesRecords } from '../../src/service/change-channel';
import { type ProgressQuery, QueryEntry, queryEntry } from '../../src/service/progress-query';
import type { ProgressService } from '../../src/service/progress-service';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { memoryService } from '../support/progress-service';

let service: ProgressService;
let open: () => Promise<ProgressService>;
let loads: number;

/** The interview date, read like a screen would; stale after a change of that record only. */
const dateQuery: ProgressQuery<string | undefined> = {
  name: 'interview-date',
  load: async (s) => {
    loads++;
    return s.getValue<string>('interview-date');
  },
  staleAfter: (change) => touchesRecords(change, ['interview-date']),
};

/** Lets pending promise callbacks run (the service opener, the loads). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  service = memoryService();
  open = () => Promise.resolve(service);
  loads = 0;
});

describe('progress queries', () => {
  it('loads once for every reader and tells each of them', async () => {
    await service.setValue('interview-date', '2027-01-10');
    const entry = new QueryEntry(dateQuery, open);
    const first = vi.fn();
    const second = vi.fn();
    entry.subscribe(first);
    entry.subscribe(second);
    expect(entry.read().loading).toBe(true);
    await settle();
    expect(entry.read()).toEqual({ data: '2027-01-10', loading: false });
    expect(loads).toBe(1);
    expect(first).toHaveBeenCalled();
    expect(second).toHaveBeenCalled();
  });

  it('refreshes after a change it depends on, and not after a draft saved while typing', async () => {
    const entry = new QueryEntry(dateQuery, open);
    entry.subscribe(() => {});
    await settle();
    const before = loads;
    await service.setValue('draft:q1:python', 'x = 1');
    await settle();
    expect(loads).toBe(before);
    await service.setValue('interview-date', '2027-02-01');
    await settle();
    expect(entry.read().data).toBe('2027-02-01');
  });

  it('keeps showing the last value while a fresh one loads', async () => {
    await service.setValue('interview-date', '2027-01-10');
    const entry = new QueryEntry(dateQuery, open);
    entry.subscribe(() => {});
    await settle();
    void entry.reload();
    expect(entry.read()).toEqual({ data: '2027-01-10', loading: true });
  });

  it('reports a failed load and keeps the last good value; the next load clears the error', async () => {
    await service.setValue('interview-date', '2027-01-10');
    const entry = new QueryEntry(dateQuery, open);
    entry.subscribe(() => {});
    await settle();
    vi.spyOn(service, 'getValue').mockRejectedValueOnce(new Error('The database was closed'));
    await entry.reload();
    expect(entry.read()).toMatchObject({ data: '2027-01-10', loading: false });
    expect(entry.read().error?.message).toBe('The database was closed');
    await entry.reload();
    expect(entry.read()).toEqual({ data: '2027-01-10', loading: false });
  });

  it('an older load that lands late never overwrites a newer one', async () => {
    let release: (value: string) => void = () => {};
    const slow: ProgressQuery<string> = {
      name: 'slow',
      load: () => (loads++ === 0 ? new Promise((resolve) => (release = resolve)) : Promise.resolve('new')),
      staleAfter: () => false,
    };
    const entry = new QueryEntry(slow, open);
    entry.subscribe(() => {});
    await settle();
    await entry.reload();
    release('old');
    await settle();
    expect(entry.read().data).toBe('new');
  });

  it('stops listening for changes when its last reader leaves, and loads afresh when one comes back', async () => {
    const entry = new QueryEntry(dateQuery, open);
    const leave = entry.subscribe(() => {});
    await settle();
    leave();
    const before = loads;
    await service.setValue('interview-date', '2027-03-01');
    await settle();
    expect(loads).toBe(before);
    entry.subscribe(() => {});
    await settle();
    expect(entry.read().data).toBe('2027-03-01');
  });

  it('a service that cannot be opened is reported as the query’s error', async () => {
    const entry = new QueryEntry(dateQuery, () => Promise.reject(new Error('IndexedDB is blocked')));
    entry.subscribe(() => {});
    await settle();
    expect(entry.read().error?.message).toBe('IndexedDB is blocked');
  });

  it('one entry per query name and service, shared by every screen', async () => {
    expect(queryEntry(open, dateQuery)).toBe(queryEntry(open, dateQuery));
    expect(queryEntry(() => Promise.resolve(service), dateQuery)).not.toBe(queryEntry(open, dateQuery));
    await service.saveSettings(DEFAULT_SETTINGS);
  });
});
