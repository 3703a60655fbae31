/** Bare mock items and configs for tests of the mock clock and store: one concept question per budget. */
import type { MockConfig, MockItem, MockMode } from '../../src/mock/mock-types';

export function mockItem(questionId: string, budgetSeconds: number, extra: Partial<MockItem> = {}): MockItem {
  return {
    questionId,
    topic: 'metrics',
    kind: 'concept',
    difficulty: 'medium',
    budgetSeconds,
    answer: '',
    flagged: false,
    visits: [],
    assessment: { covered: [] },
    ...extra,
  };
}

export function mockConfig(mode: MockMode, totalSeconds?: number, title = 'Test mock'): MockConfig {
  return {
    title,
    topics: ['metrics'],
    count: 3,
    kinds: ['concept'],
    difficultyMix: { easy: 0, medium: 0, hard: 0 },
    questionTiming: 'own',
    perQuestionSeconds: 0,
    totalSeconds,
    mode,
  };
}
