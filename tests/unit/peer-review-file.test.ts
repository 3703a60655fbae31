import { describe, expect, it } from 'vitest';
import type { StoredDrawing } from '../../src/design/drawing-repository';
import {
  base64ToBytes,
  buildPeerGradesFile,
  buildPeerReviewFile,
  bytesToBase64,
  formatBytes,
  type PeerReviewFile,
  parsePeerGradesFile,
  parsePeerReviewFile,
  peerFileName,
  peerGradeText,
  readStoredPeerGrades,
  storedPeerGrades,
} from '../../src/mock/peer-review-file';
import { sampleMock } from '../support/sample-mock';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const NOW = T0 + 3_600_000;
const titles = { 'mt-precision': 'Precision in one line', 'roc-auc': 'ROC-AUC from scores' };
const drawing: StoredDrawing = {
  version: 1,
  elements: [
    { id: 'a', type: 'rectangle' },
    { id: 'b', type: 'text', text: 'Feature store' },
  ],
  updatedAt: T0,
};

function reviewFile(): PeerReviewFile {
  return buildPeerReviewFile({ session: sampleMock(T0), titles, drawings: new Map([[0, drawing]]), now: NOW });
}

describe('the review file', () => {
  it('round-trips through JSON with answers, code, drill results, drawings and titles', () => {
    const parsed = parsePeerReviewFile(JSON.stringify(reviewFile()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([]);
    const file = parsed.value;
    expect(file).toMatchObject({ format: 'drillbook-peer-review', version: 1, exportedAt: NOW });
    expect(file.mock).toEqual({
      id: 'sample-mock',
      title: 'Mixed',
      mode: 'strict',
      createdAt: T0,
      endedAt: T0 + 600_000,
    });
    expect(file.items.map((i) => [i.questionId, i.title])).toEqual([
      ['mt-precision', 'Precision in one line'],
      ['roc-auc', 'ROC-AUC from scores'],
    ]);
    expect(file.items[0]).toMatchObject({ answer: 'TP / (TP + FP)', usedMs: 90_000, drawing });
    expect(file.items[1]).toMatchObject({
      code: { language: 'python', sources: { python: 'def roc_auc(y, s): ...' } },
      drill: { passed: 5, total: 9, allPassed: false },
      usedMs: 510_000,
    });
    expect(file.items[1].drawing).toBeUndefined();
  });

  it('leaves the self-assessment out, so the reviewer grades blind', () => {
    const text = JSON.stringify(reviewFile());
    expect(text).not.toContain('assessment');
    expect(text).not.toContain('confidence');
    expect(text).not.toContain('"score"');
    expect(text).not.toContain('reviewId');
  });

  it('passes an item’s design round through untouched and adds its time per phase', () => {
    const session = sampleMock(T0);
    const design = { marks: [60_000, 120_000], endedAtMs: 200_000, extra: { kept: true } };
    Object.assign(session.items[0], { design });
    const file = buildPeerReviewFile({ session, titles, drawings: new Map(), now: NOW });
    const parsed = parsePeerReviewFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.items[0].design).toEqual(design);
    expect(parsed.value.items[0].phases?.slice(0, 4)).toEqual([
      { id: 'clarify', label: 'Clarify and requirements', ms: 60_000 },
      { id: 'estimate', label: 'Estimates', ms: 60_000 },
      { id: 'design', label: 'High-level design', ms: 80_000 },
      { id: 'deep-dive', label: 'Deep dive', ms: 0 },
    ]);
    expect(parsed.value.items[1].phases).toBeUndefined();
  });

  it('carries recordings as base64 with their type, byte for byte', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => (i * 31) % 256);
    const file = buildPeerReviewFile({
      session: sampleMock(T0),
      titles,
      drawings: new Map(),
      recordings: new Map([[1, { mimeType: 'audio/webm', durationMs: 4000, base64: bytesToBase64(bytes) }]]),
      now: NOW,
    });
    const parsed = parsePeerReviewFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    const recording = parsed.value.items[1].recording;
    expect(recording?.mimeType).toBe('audio/webm');
    expect(base64ToBytes(recording?.base64 ?? '')).toEqual(bytes);
  });

  it('reports a corrupted drawing or recording, skips it and loads the rest', () => {
    const file = JSON.parse(JSON.stringify(reviewFile()));
    file.items[0].drawing = { version: 1, elements: 'not a list' };
    file.items[1].recording = { mimeType: 'audio/webm', durationMs: 10, base64: '%%% not base64' };
    const parsed = parsePeerReviewFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.warnings).toEqual([
      'The drawing of question 1 is damaged and was left out.',
      'The recording of question 2 is damaged and was left out.',
    ]);
    expect(parsed.value.items[0].drawing).toBeUndefined();
    expect(parsed.value.items[0].answer).toBe('TP / (TP + FP)');
    expect(parsed.value.items[1].recording).toBeUndefined();
    expect(parsed.value.items[1].code?.sources.python).toBe('def roc_auc(y, s): ...');
  });

  it('says clearly what is wrong with a malformed, foreign, mixed-up or newer file', () => {
    const message = (text: string) => {
      const parsed = parsePeerReviewFile(text);
      return parsed.ok ? 'opened' : parsed.message;
    };
    expect(message('{"format": "drillbook-peer-rev')).toMatch(/not valid JSON/);
    expect(message('[1, 2]')).toMatch(/not a Drillbook peer-review file/);
    expect(message('{"format": "something-else", "version": 1}')).toMatch(/not a mock to review from Drillbook/);
    expect(message(JSON.stringify({ ...reviewFile(), format: 'drillbook-peer-grades' }))).toMatch(
      /holds a friend’s grades, not a mock to review/,
    );
    expect(message(JSON.stringify({ ...reviewFile(), version: 2 }))).toMatch(/newer Drillbook \(format version 2/);
    expect(message(JSON.stringify({ ...reviewFile(), items: [] }))).toMatch(/damaged.*items/);
    const noAnswer = JSON.parse(JSON.stringify(reviewFile()));
    delete noAnswer.items[1].answer;
    expect(message(JSON.stringify(noAnswer))).toMatch(
      /damaged and cannot be opened \(question 2, answer: invalid input/,
    );
  });
});

describe('the grades file', () => {
  const grading = {
    reviewer: '  Sam ',
    items: [
      { rating: 3 as const, covered: [true, true, false], comment: ' Clear and short. ' },
      { covered: [], comment: '' },
    ],
  };

  it('round-trips and is checked against the mock it belongs to', () => {
    const grades = buildPeerGradesFile(reviewFile(), grading, NOW);
    expect(grades).toMatchObject({
      format: 'drillbook-peer-grades',
      version: 1,
      mockId: 'sample-mock',
      reviewer: 'Sam',
    });
    const parsed = parsePeerGradesFile(JSON.stringify(grades), sampleMock(T0));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.items).toEqual([
      { index: 0, questionId: 'mt-precision', rating: 3, covered: [true, true, false], comment: 'Clear and short.' },
      { index: 1, questionId: 'roc-auc', covered: [], comment: '' },
    ]);
    expect(peerGradeText('Sam', parsed.value.items[0])).toBe('Sam’s grade: Good, 2 of 3 rubric points, comment:');
    expect(peerGradeText('Sam', parsed.value.items[1])).toBe('Sam’s grade: no grade.');
    expect(peerGradeText('Sam', undefined)).toBe('Sam did not grade this question.');
  });

  it('refuses grades made for another mock, and nothing else is read', () => {
    const grades = buildPeerGradesFile(reviewFile(), grading, NOW);
    const other = { ...sampleMock(T0), id: 'another-mock', config: { ...sampleMock(T0).config, title: 'Other' } };
    const parsed = parsePeerGradesFile(JSON.stringify(grades), other);
    expect(parsed).toEqual({
      ok: false,
      message: 'These grades are for another mock (“Mixed”), not “Other”. Nothing was imported.',
    });
  });

  it('says clearly what is wrong with a malformed, mixed-up or newer grades file', () => {
    const grades = buildPeerGradesFile(reviewFile(), grading, NOW);
    const message = (value: unknown) => {
      const parsed = parsePeerGradesFile(typeof value === 'string' ? value : JSON.stringify(value), sampleMock(T0));
      return parsed.ok ? 'read' : parsed.message;
    };
    expect(message('not json')).toMatch(/not valid JSON/);
    expect(message(reviewFile())).toMatch(/holds a mock to review, not a friend’s grades. Pick the other file/);
    expect(message({ ...grades, version: 7 })).toMatch(/newer Drillbook/);
    expect(
      message({ ...grades, items: [{ index: 0, questionId: 'mt-precision', rating: 9, covered: [], comment: '' }] }),
    ).toMatch(/damaged/);
  });

  it('drops a grade whose question is not at that place in the mock, and says so', () => {
    const grades = buildPeerGradesFile(reviewFile(), grading, NOW);
    grades.items[1] = { ...grades.items[1], questionId: 'something-else' };
    const parsed = parsePeerGradesFile(JSON.stringify(grades), sampleMock(T0));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.items.map((g) => g.questionId)).toEqual(['mt-precision']);
    expect(parsed.warnings).toEqual(['A grade for a question not in this mock (something-else) was left out.']);
  });

  it('is stored as a versioned record that is checked when read back', () => {
    const grades = buildPeerGradesFile(reviewFile(), grading, NOW);
    const record = storedPeerGrades(grades, NOW + 1);
    expect(readStoredPeerGrades(structuredClone(record))).toEqual(record);
    expect(readStoredPeerGrades({ ...record, version: 2 })).toBeUndefined();
    expect(readStoredPeerGrades('junk')).toBeUndefined();
  });
});

describe('file names and sizes', () => {
  it('makes a safe file name from any title', () => {
    expect(peerFileName('Metrics warm-up', 'for-review')).toBe('metrics-warm-up-for-review.drillbook.json');
    expect(peerFileName('Système / design: RAG?', 'grades')).toBe('systeme-design-rag-grades.drillbook.json');
    expect(peerFileName('   ', 'grades')).toBe('mock-grades.drillbook.json');
  });

  it('formats sizes as a person reads them', () => {
    expect(formatBytes(840)).toBe('840 B');
    expect(formatBytes(12_400)).toBe('12 KB');
    expect(formatBytes(3_565_158)).toBe('3.4 MB');
  });
});
