// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BankIndex, Question } from '../../src/bank/types';
import type { SubmitResult } from '../../src/drills/drill-work';
import { createReviewStore, type ReviewStore } from '../../src/review/review-store';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';

// The real workspace needs Monaco and the runners (covered in e2e); here a stand-in keeps its
// contract: it shows the brief and reports a Submit's result through onSubmitted.
let nextSubmit: SubmitResult = { passed: 5, total: 5, allPassed: true };
vi.mock('../../src/drills/drill-work', () => ({
  preloadEditor: () => {},
  DrillSignatures: () => null,
  DrillWork: ({
    brief,
    onSubmitted,
  }: {
    brief: React.ReactNode;
    onSubmitted: (r: SubmitResult) => string | undefined;
  }) => (
    <section aria-label="Your solution">
      {brief}
      <button type="button" onClick={() => onSubmitted(nextSubmit)}>
        Submit
      </button>
    </section>
  ),
}));
vi.mock('../../src/drills/sql-work', () => ({ SqlWork: () => null, SqlTables: () => null }));

const { ReviewPage } = await import('../../src/review/review-screen');
const { ReviewStoreProvider } = await import('../../src/review/review-store-context');

const index: BankIndex = {
  topics: [{ id: 'ml', title: 'ML', description: '', core: true }],
  questions: [
    { id: 'q-bias', title: 'Bias and variance', topic: 'ml', kind: 'concept', difficulty: 'easy', time: 120, tags: [] },
    { id: 'q-softmax', title: 'Softmax', topic: 'ml', kind: 'coding', difficulty: 'easy', time: 600, tags: [] },
    { id: 'q-dropout', title: 'Dropout', topic: 'ml', kind: 'concept', difficulty: 'medium', time: 120, tags: [] },
  ],
};
function question(id: string): Question {
  const summary = index.questions.find((q) => q.id === id);
  if (!summary) throw new Error(id);
  return {
    ...summary,
    promptText: `Prompt of ${summary.title}`,
    promptHtml: `<p>Prompt of ${summary.title}</p>`,
    answerHtml: `<p>Answer of ${summary.title}</p>`,
    rubric: ['A point'],
    hints: ['A hint'],
    followUps: [],
    ...(summary.kind === 'coding' ? { drill: {} as NonNullable<Question['drill']> } : {}),
  };
}
const questions = new Map(index.questions.map((q) => [q.id, Promise.resolve(question(q.id))]));
const bank = {
  loadIndex: async () => index,
  loadQuestion: (id: string) => questions.get(id) ?? Promise.resolve(undefined),
};

const START = new Date(2026, 11, 5, 12, 0, 0).getTime();
let now = START;
let repo: MemoryProgressRepository;
let store: ReviewStore;

beforeEach(() => {
  // jsdom has no modal dialogs: opening one sets `open`, as a browser does.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  now = START;
  nextSubmit = { passed: 5, total: 5, allPassed: true };
  repo = new MemoryProgressRepository();
  store = createReviewStore({ progress: repo, bank, clock: () => now });
});

async function renderReview() {
  const location = memoryLocation({ path: '/review' });
  await act(async () => {
    render(
      <Router hook={location.hook} searchHook={location.searchHook}>
        <ReviewStoreProvider store={store}>
          <Suspense fallback="loading">
            <ReviewPage />
          </Suspense>
        </ReviewStoreProvider>
      </Router>,
    );
  });
  return userEvent.setup();
}

const card = () => screen.getByRole('article', { name: 'Card' });
const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('undo-status'));

describe('review: undo with feedback, and redo', () => {
  it('says what was undone, offers Redo, and Redo grades the same card again', async () => {
    const user = await renderReview();
    expect(await within(card()).findByText('Prompt of Bias and variance')).toBeInTheDocument();
    await user.click(within(card()).getByRole('button', { name: /Show answer/ }));
    await user.click(within(card()).getByRole('button', { name: /^Good/ }));
    expect(await screen.findByText('Prompt of Softmax')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Undo last grading/ }));
    expect(await screen.findByText('Prompt of Bias and variance')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Undid Good on Bias and variance');
    expect(status()).toHaveAttribute('aria-live', 'polite');

    await user.click(screen.getByRole('button', { name: /Redo Good/ }));
    expect(await screen.findByText('Prompt of Softmax')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Redid Good on Bias and variance');
    expect(screen.queryByRole('button', { name: /Redo/ })).not.toBeInTheDocument();
    const log = await repo.allReviews();
    expect(log.map((r) => [r.rating, r.undoneAt === undefined])).toEqual([
      [3, false],
      [3, true],
    ]);
  });

  it('Shift+Z redoes, and the keyboard sheet lists it', async () => {
    const user = await renderReview();
    await within(card()).findByText('Prompt of Bias and variance');
    await user.keyboard(' ');
    await user.keyboard('4');
    await screen.findByText('Prompt of Softmax');
    await user.keyboard('z');
    expect(await screen.findByText('Prompt of Bias and variance')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Undid Easy on Bias and variance');
    await user.keyboard('{Shift>}Z{/Shift}');
    expect(await screen.findByText('Prompt of Softmax')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Redid Easy on Bias and variance');

    await user.click(screen.getByRole('button', { name: /All shortcuts/ }));
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts', hidden: true });
    expect(within(sheet).getByText('Shift+Z')).toBeInTheDocument();
    expect(within(sheet).getByText('Redo the grading you undid')).toBeInTheDocument();
  });

  it('Redo disappears once another grade is given', async () => {
    const user = await renderReview();
    await within(card()).findByText('Prompt of Bias and variance');
    await user.keyboard(' ');
    await user.keyboard('3');
    await screen.findByText('Prompt of Softmax');
    await user.keyboard('z');
    await screen.findByText('Prompt of Bias and variance');
    expect(screen.getByRole('button', { name: /Redo Good/ })).toBeInTheDocument();

    await user.keyboard(' ');
    await user.click(within(card()).getByRole('button', { name: /^Again/ }));
    await screen.findByText('Prompt of Softmax');
    expect(screen.queryByRole('button', { name: /Redo/ })).not.toBeInTheDocument();
    expect(status()).toBeEmptyDOMElement();
    await user.keyboard('{Shift>}Z{/Shift}');
    expect((await repo.allReviews()).filter((r) => r.undoneAt === undefined).map((r) => r.rating)).toEqual([1]);
  });
});

describe('review: a coding card', () => {
  async function toCodingCard() {
    const user = await renderReview();
    await within(card()).findByText('Prompt of Bias and variance');
    await user.keyboard(' ');
    await user.keyboard('3');
    await screen.findByRole('region', { name: 'Your solution' });
    return user;
  }

  it('is worked in the workspace, not shown as prose: no Show answer, Space does nothing', async () => {
    const user = await toCodingCard();
    expect(within(card()).getByRole('heading', { name: 'Softmax' })).toBeInTheDocument();
    expect(within(card()).queryByRole('button', { name: /Show answer/ })).not.toBeInTheDocument();
    await user.keyboard(' ');
    expect(within(card()).queryByRole('group', { name: 'Grade this card' })).not.toBeInTheDocument();
    expect(within(card()).getByText(/Submit your code: its tests propose a grade/)).toBeInTheDocument();
  });

  it('Submit with every test passing fast proposes Easy; the user picks Good instead and the next card comes', async () => {
    const user = await toCodingCard();
    now += 60_000;
    await user.click(within(card()).getByRole('button', { name: 'Submit' }));
    const grades = within(card()).getByRole('group', { name: 'Grade this card' });
    expect(within(card()).getByText(/5 of 5 tests passed/).parentElement).toHaveTextContent(
      '5 of 5 tests passed in 1:00: the tests propose Easy.',
    );
    expect(within(grades).getByRole('button', { name: /^Easy ?\d.*proposed/ })).toBeInTheDocument();
    expect(within(grades).getByRole('button', { name: /^Good/ })).not.toHaveTextContent('proposed');

    await user.click(within(grades).getByRole('button', { name: /^Good/ }));
    expect(await screen.findByText('Prompt of Dropout')).toBeInTheDocument();
    expect((await repo.allReviews()).at(-1)).toMatchObject({ questionId: 'q-softmax', rating: 3, source: 'review' });
  });

  it('a failing Submit proposes Again, and key 1 records it', async () => {
    nextSubmit = { passed: 3, total: 5, allPassed: false };
    const user = await toCodingCard();
    await user.click(within(card()).getByRole('button', { name: 'Submit' }));
    const grades = within(card()).getByRole('group', { name: 'Grade this card' });
    expect(within(grades).getByRole('button', { name: /^Again ?\d.*proposed/ })).toBeInTheDocument();
    await user.keyboard('1');
    expect(await screen.findByText('Prompt of Dropout')).toBeInTheDocument();
    expect((await repo.allReviews()).at(-1)).toMatchObject({ questionId: 'q-softmax', rating: 1 });
  });

  it('a hint before a clean pass proposes Hard', async () => {
    const user = await toCodingCard();
    await user.click(within(card()).getByRole('button', { name: 'Show hint 1 of 1' }));
    await user.click(within(card()).getByRole('button', { name: 'Submit' }));
    const grades = within(card()).getByRole('group', { name: 'Grade this card' });
    expect(within(grades).getByRole('button', { name: /^Hard ?\d.*proposed/ })).toBeInTheDocument();
  });
});
