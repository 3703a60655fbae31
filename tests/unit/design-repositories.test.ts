/**
 * Whiteboard drawings, spoken answers and design practice rounds, stored through the page's
 * progress service in (fake) IndexedDB: what was saved comes back, a damaged record never breaks
 * a screen, and the Settings figures and bulk delete for recordings are right.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  DRAWING_PREFIX,
  deleteDrawing,
  drawingRecord,
  drawingsOfMock,
  loadDrawing,
  mockDrawingScope,
  nonEmptyDrawing,
  questionDrawingScope,
  readDrawing,
  saveDrawing,
} from '../../src/design/drawing-repository';
import { clearPractice, loadPractice, newPractice, savePractice } from '../../src/design/practice-repository';
import {
  deleteAllRecordings,
  deleteRecording,
  loadRecording,
  RECORDING_PREFIX,
  RECORDING_VERSION,
  readRecording,
  type StoredRecording,
  saveRecording,
  summariseRecordings,
} from '../../src/design/recording-repository';
import { progressService } from '../../src/service/service-connection';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { createBackup } from '../../src/storage/backup';

const NOW = 1_780_000_000_000;
const rect = (id: string, isDeleted = false) => ({ id, type: 'rectangle', x: 1, y: 2, isDeleted });

/** Writes a raw value under a key, as an old version or a hand-edited backup might have left it. */
const writeRaw = async (key: string, value: unknown) => (await progressService()).setValue(key, value);

describe('drawings', () => {
  it('name their scope after the mock item or the question they belong to', () => {
    expect(mockDrawingScope('m1', 2)).toBe('mock:m1:2');
    expect(questionDrawingScope('ml-feature-store')).toBe('question:ml-feature-store');
  });

  it('keep only live elements, with everything Excalidraw wrote on them', () => {
    const record = drawingRecord([rect('a'), rect('b', true)], NOW);
    expect(record).toEqual({ version: 1, elements: [rect('a')], updatedAt: NOW });
  });

  it('come back as saved, and are gone once deleted', async () => {
    const scope = questionDrawingScope('q-save');
    expect(await loadDrawing(scope)).toEqual({ status: 'empty' });
    const drawing = drawingRecord([rect('a')], NOW);
    await saveDrawing(scope, drawing);
    expect(await loadDrawing(scope)).toEqual({ status: 'ok', drawing });
    expect(await nonEmptyDrawing(scope)).toEqual(drawing);
    await deleteDrawing(scope);
    expect(await loadDrawing(scope)).toEqual({ status: 'empty' });
  });

  it('read a value of the wrong shape as damaged', () => {
    expect(readDrawing({ version: 7, shapes: 'from the future' })).toEqual({ status: 'damaged' });
    expect(readDrawing({ version: 1, elements: [{ id: 1 }], updatedAt: NOW })).toEqual({ status: 'damaged' });
    expect(readDrawing(null)).toEqual({ status: 'damaged' });
  });

  it('leave a damaged stored record as it is, and start the board blank', async () => {
    const scope = questionDrawingScope('q-damaged');
    await writeRaw(DRAWING_PREFIX + scope, { version: 1, shapes: 'hand-edited' });
    expect((await loadDrawing(scope)).status).not.toBe('ok');
    expect(await nonEmptyDrawing(scope)).toBeUndefined();
    const raw = (await (await progressService()).allValues()).find((e) => e.key === DRAWING_PREFIX + scope);
    expect(raw?.value).toEqual({ version: 1, shapes: 'hand-edited' });
  });

  // Was a bug: the repository's getValue turns an unreadable record into undefined, so loadDrawing
  // said 'empty', the whiteboard's "could not be read" warning never showed and the next stroke
  // overwrote the record. loadDrawing now reads through readValue, which tells the two apart.
  it('report a damaged stored record as damaged, so the whiteboard can warn', async () => {
    const scope = questionDrawingScope('q-damaged-warning');
    await writeRaw(DRAWING_PREFIX + scope, { version: 1, shapes: 'hand-edited' });
    expect(await loadDrawing(scope)).toEqual({ status: 'damaged' });
    // Loading it leaves it as it was: only a new drawing replaces it.
    const raw = (await (await progressService()).allValues()).find((e) => e.key === DRAWING_PREFIX + scope);
    expect(raw?.value).toEqual({ version: 1, shapes: 'hand-edited' });
  });

  it('report a drawing written by a newer version of Drillbook as damaged, not empty', async () => {
    const scope = questionDrawingScope('q-from-the-future');
    const newer = { key: DRAWING_PREFIX + scope, value: drawingRecord([rect('a')], NOW), version: 99 };
    const backup = { ...createBackup(DEFAULT_SETTINGS, [], [], NOW), values: [newer] };
    await (await progressService()).importBackup(backup, 'merge');
    expect(await loadDrawing(scope)).toEqual({ status: 'damaged' });
  });

  it('an empty board counts as no drawing', async () => {
    const scope = questionDrawingScope('q-empty');
    await saveDrawing(scope, drawingRecord([rect('gone', true)], NOW));
    expect(await nonEmptyDrawing(scope)).toBeUndefined();
  });

  it('of one mock come back by item index, without other mocks’ or empty or damaged ones', async () => {
    await saveDrawing(mockDrawingScope('m1', 0), drawingRecord([rect('a')], NOW));
    await saveDrawing(mockDrawingScope('m1', 3), drawingRecord([rect('b'), rect('c')], NOW));
    await saveDrawing(mockDrawingScope('m1', 4), drawingRecord([], NOW));
    await writeRaw(`${DRAWING_PREFIX}${mockDrawingScope('m1', 5)}`, { broken: true });
    await writeRaw(`${DRAWING_PREFIX}mock:m1:notes`, drawingRecord([rect('d')], NOW));
    await saveDrawing(mockDrawingScope('m10', 0), drawingRecord([rect('other mock')], NOW));
    const drawings = await drawingsOfMock('m1');
    expect([...drawings.keys()].sort()).toEqual([0, 3]);
    expect(drawings.get(3)?.elements.map((e) => e.id)).toEqual(['b', 'c']);
  });
});

describe('recordings', () => {
  const recording = (bytes: number, extra: Partial<StoredRecording> = {}): StoredRecording => ({
    version: RECORDING_VERSION,
    audio: new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }),
    mimeType: 'audio/webm',
    durationMs: 4000,
    createdAt: NOW,
    ...extra,
  });

  it('come back with their audio and transcript, and are gone once deleted', async () => {
    await saveRecording('question:q-rec', recording(3, { transcript: 'Shard by user id.' }));
    const loaded = await loadRecording('question:q-rec');
    expect(loaded).toMatchObject({ mimeType: 'audio/webm', durationMs: 4000, transcript: 'Shard by user id.' });
    expect(loaded?.audio.size).toBe(3);
    await deleteRecording('question:q-rec');
    expect(await loadRecording('question:q-rec')).toBeUndefined();
  });

  it('read a damaged record as none', () => {
    expect(readRecording({ version: 1, audio: 'not a blob', mimeType: 'x', durationMs: 1, createdAt: 1 })).toBe(
      undefined,
    );
    expect(readRecording({ ...recording(1), durationMs: -5 })).toBeUndefined();
  });

  it('are counted and sized for Settings, and all deleted at once without touching drawings', async () => {
    await deleteAllRecordings();
    await saveRecording('mock:m2:0', recording(1000));
    await saveRecording('question:q-a', recording(24));
    await writeRaw(`${RECORDING_PREFIX}question:q-broken`, { version: 1 });
    await saveDrawing(questionDrawingScope('q-keep'), drawingRecord([rect('a')], NOW));
    expect(await summariseRecordings()).toEqual({ count: 3, bytes: 1024 });
    expect(await deleteAllRecordings()).toBe(3);
    expect(await summariseRecordings()).toEqual({ count: 0, bytes: 0 });
    expect((await loadDrawing(questionDrawingScope('q-keep'))).status).toBe('ok');
  });
});

describe('design practice rounds', () => {
  it('start with nothing marked or covered', () => {
    expect(newPractice(NOW, 3)).toEqual({
      version: 1,
      startedAt: NOW,
      notes: '',
      round: { marks: [] },
      covered: [false, false, false],
    });
  });

  it('survive a reload, and are gone once cleared', async () => {
    const practice = { ...newPractice(NOW, 2), notes: 'Start with the read path.', covered: [true, false] };
    await savePractice('ml-feed', practice);
    expect(await loadPractice('ml-feed')).toEqual(practice);
    await clearPractice('ml-feed');
    expect(await loadPractice('ml-feed')).toBeUndefined();
  });

  it('read a damaged round as none, so the round starts afresh', async () => {
    await writeRaw('design-practice:ml-broken', { version: 1, notes: 42 });
    expect(await loadPractice('ml-broken')).toBeUndefined();
  });
});
