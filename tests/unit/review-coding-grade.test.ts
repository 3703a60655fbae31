import { describe, expect, it } from 'vitest';
import { proposeCodingGrade } from '../../src/review/coding-grade';

const base = { passed: 5, total: 5, allPassed: true, hintsUsed: 0, solutionShown: false, budgetMs: 600_000 };

describe('proposeCodingGrade', () => {
  it('a clean pass within half the budget is Easy, at exactly half too', () => {
    expect(proposeCodingGrade({ ...base, durationMs: 60_000 })).toBe(4);
    expect(proposeCodingGrade({ ...base, durationMs: 300_000 })).toBe(4);
  });
  it('a clean pass slower than that is Good, over budget too', () => {
    expect(proposeCodingGrade({ ...base, durationMs: 300_001 })).toBe(3);
    expect(proposeCodingGrade({ ...base, durationMs: 3_600_000 })).toBe(3);
  });
  it('a fast pass after a hint or the solution is Hard, never Easy', () => {
    expect(proposeCodingGrade({ ...base, durationMs: 10_000, hintsUsed: 1 })).toBe(2);
    expect(proposeCodingGrade({ ...base, durationMs: 10_000, solutionShown: true })).toBe(2);
  });
  it('any failing test is Again, however fast', () => {
    expect(proposeCodingGrade({ ...base, passed: 4, allPassed: false, durationMs: 1_000 })).toBe(1);
  });
});
