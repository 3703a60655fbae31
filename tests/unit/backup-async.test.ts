/**
 * Reading a large backup on the import screen: the same result as the one-shot parse, with
 * progress the screen can show (reading, then checking in chunks up to the total).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { createBackup, type ImportProgress, parseBackup, parseBackupAsync } from '../../src/storage/backup';
import { storedEntry } from '../../src/storage/record-kinds';
import { reviewRecord } from '../support/progress-data';

describe('parseBackupAsync', () => {
  it('reports reading, then checking progress up to the total, and gives what parseBackup gives', async () => {
    const reviews = Array.from({ length: 20_001 }, (_, i) => reviewRecord(`q${i % 50}`, 1_700_000_000_000 + i));
    const text = JSON.stringify(createBackup(DEFAULT_SETTINGS, reviews, [storedEntry('draft:q1:python', 'x')], 0));
    const progress: ImportProgress[] = [];
    const parsed = await parseBackupAsync(text, text.length, (p) => progress.push(p));
    expect(parsed).toEqual(parseBackup(text));
    expect(parsed.ok && parsed.backup.reviews).toHaveLength(20_001);
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
    const checking = progress.slice(1);
    expect(checking.every((p) => p.phase === 'checking' && p.total === 20_002)).toBe(true);
    expect(checking.map((p) => p.done)).toEqual([0, 20_000, 20_002]);
  });

  it('says plainly when the file is not a backup', async () => {
    const parsed = await parseBackupAsync('{"hello": 1}', 12);
    expect(parsed).toEqual({
      ok: false,
      message: 'This is not a Drillbook backup (it has no "format": "drillbook-backup").',
    });
  });
});
