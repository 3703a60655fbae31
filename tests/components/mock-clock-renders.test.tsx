// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/bank/types';
import type { MockConfig, MockItem } from '../../src/mock/mock-types';

const question = (id: string): Question => ({
  id,
  title: `Question ${id}`,
  topic: 'transformers',
  kind: 'concept',
  difficulty: 'medium',
  time: 120,
  tags: [],
  promptText: `Prompt of ${id}`,
  promptHtml: `<p>Prompt of ${id}</p>`,
  answerHtml: '<p>Model answer.</p>',
  rubric: ['One point'],
  hints: [],
  followUps: [],
});
const questions = new Map(['q1', 'q2'].map((id) => [id, Promise.resolve(question(id))]));

vi.mock('../../src/bank/bank-data', () => ({
  loadBankIndex: () => Promise.resolve({ topics: [], questions: [] }),
  loadQuestion: (id: string) => questions.get(id) ?? Promise.resolve(undefined),
}));
// Counts how often the question's prompt renders: it stands for everything under the question
// (the answer box, the editor), which must not re-render with each tick of the clock.
const promptRenders = { count: 0 };
vi.mock('../../src/ui/rich-html', () => ({
  RichHtml: ({ html, className }: { html: string; className?: string }) => {
    promptRenders.count++;
    // biome-ignore lint/security/noDangerouslySetInnerHtml: test double of the component that does the same
    return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  },
}));

const { MockPage } = await import('../../src/mock/mock-screen');
const { MockStoreProvider } = await import('../../src/mock/mock-store-context');
const { createMockStore } = await import('../../src/mock/mock-store');
const { startMock } = await import('../../src/mock/mock-session');

const config: MockConfig = {
  title: 'Clock test',
  topics: ['transformers'],
  count: 2,
  kinds: ['concept'],
  difficultyMix: { easy: 0, medium: 0, hard: 0 },
  questionTiming: 'custom',
  perQuestionSeconds: 30,
  totalSeconds: 600,
  mode: 'strict',
};
const item = (questionId: string): MockItem => ({
  questionId,
  topic: 'transformers',
  kind: 'concept',
  difficulty: 'medium',
  budgetSeconds: 30,
  answer: '',
  flagged: false,
  visits: [],
  assessment: { covered: [] },
});

const clockLabel = (name: RegExp) => screen.getByRole('timer', { name }).getAttribute('aria-label');
const advance = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

describe('the running mock screen and its clock', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 11, 5, 10, 0, 0));
    const session = startMock('m1', config, [item('q1'), item('q2')], 1, Date.now());
    // Nothing is stored in this test: the store's saves go nowhere.
    const store = createMockStore({
      mocks: { load: async () => undefined, save: async () => {} },
      recordGrade: async () => ({ id: 'r1' }),
      clock: Date.now,
    });
    store.setState({ status: 'ready', session });
    promptRenders.count = 0;
    await act(async () => {
      render(
        <Suspense fallback="loading">
          <MockStoreProvider store={store}>
            <MockPage id="m1" />
          </MockStoreProvider>
        </Suspense>,
      );
    });
    await advance(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks the countdowns without re-rendering the question', async () => {
    expect(screen.getByText('Prompt of q1')).toBeInTheDocument();
    expect(clockLabel(/^Question 1/)).toBe('Question 1: 0:30');
    const before = promptRenders.count;
    await advance(10_000);
    expect(clockLabel(/^Question 1/)).toBe('Question 1: 0:20');
    expect(clockLabel(/^Mock/)).toBe('Mock: 9:50');
    // The old 250 ms store tick re-rendered the whole screen 40 times in these ten seconds.
    expect(promptRenders.count - before).toBe(0);
  });

  it('still locks a strict question when its budget runs out, and moves on', async () => {
    await advance(29_000);
    expect(screen.getByRole('heading', { name: 'Question 1 of 2' })).toBeInTheDocument();
    await advance(1_100);
    expect(screen.getByRole('heading', { name: 'Question 2 of 2' })).toBeInTheDocument();
    expect(screen.getByText('Time is up for question 1: your answer was saved and locked.')).toBeInTheDocument();
    expect(clockLabel(/^Question 2/)).toBe('Question 2: 0:30');
    // The lock notice goes after a few seconds.
    await advance(10_000);
    expect(screen.queryByText(/Time is up for question 1/)).not.toBeInTheDocument();
  });
});
