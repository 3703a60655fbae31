// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BankIndex, Question } from '../../src/bank/types';

const index: BankIndex = {
  topics: [
    { id: 'metrics', title: 'Metrics', description: 'Precision, recall and more.', core: true },
    { id: 'transformers', title: 'Transformers and attention', description: 'Attention.', core: true },
  ],
  questions: [
    {
      id: 'mt-f1',
      title: 'F1 as a harmonic mean',
      topic: 'metrics',
      kind: 'concept',
      difficulty: 'easy',
      time: 90,
      tags: ['f1'],
    },
    {
      id: 'mt-auc',
      title: 'What ROC-AUC measures',
      topic: 'metrics',
      kind: 'concept',
      difficulty: 'hard',
      time: 120,
      tags: [],
    },
    {
      id: 'tf-sqrt',
      title: 'Why scale attention by sqrt(d_k)',
      topic: 'transformers',
      kind: 'concept',
      difficulty: 'medium',
      time: 120,
      tags: [],
    },
  ],
};
const question: Question = {
  ...index.questions[2],
  promptText: 'Why scale by sqrt(d_k)?',
  promptHtml: '<p>Why scale by sqrt(d_k)?</p>',
  answerHtml: '<p>To keep softmax out of saturation.</p>',
  rubric: ['Variance grows with d_k', 'Softmax saturates', 'Gradients vanish'],
  hints: ['Think of variance.', 'Sum of products.'],
  followUps: [{ questionHtml: 'What about QK-norm?', answerHtml: 'The logits stay bounded.' }],
};

vi.mock('../../src/bank/bank-data', () => ({
  loadBankIndex: () => indexPromise,
  // Prompts arrive in their own chunk, the first time the user searches.
  loadPromptTexts: () =>
    Promise.resolve({
      'mt-f1': 'Why is F1 a harmonic mean?',
      'mt-auc': 'What does ROC-AUC measure?',
      'tf-sqrt': 'Why scale by sqrt(d_k)?',
    }),
  loadQuestion: (id: string) => (id === 'tf-sqrt' ? questionPromise : missingPromise),
}));
const indexPromise = Promise.resolve(index);
const questionPromise = Promise.resolve(question);
const missingPromise = Promise.resolve(undefined);

const { default: BankScreen } = await import('../../src/bank/bank-screen');
const { default: QuestionScreen } = await import('../../src/bank/question-screen');

/** Renders inside an awaited act(), so components that suspend on data settle first. */
async function renderAt(path: string, ui: React.ReactNode) {
  const location = memoryLocation({ path, record: true });
  await act(async () => {
    render(
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Suspense fallback="loading">{ui}</Suspense>
      </Router>,
    );
  });
  return location;
}

describe('the question bank browser', () => {
  beforeEach(() => {
    document.title = '';
  });

  it('groups questions by topic with counts', async () => {
    await renderAt('/bank', <BankScreen />);
    const metrics = await screen.findByRole('region', { name: /Metrics/ });
    expect(within(metrics).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: /Metrics 2/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing all 3 questions');
  });

  it('filters by topic and difficulty, searches, and writes the filter to the URL', async () => {
    const user = userEvent.setup();
    const location = await renderAt('/bank', <BankScreen />);
    await user.selectOptions(await screen.findByLabelText('Topic'), 'metrics');
    expect(screen.getAllByRole('link')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Difficulty'), 'hard');
    expect(screen.getByRole('link', { name: /ROC-AUC/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /harmonic/ })).not.toBeInTheDocument();
    expect(location.history?.at(-1)).toBe('/bank?topic=metrics&difficulty=hard');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.type(screen.getByLabelText('Search'), 'sqrt');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 questions match');
    await user.clear(screen.getByLabelText('Search'));
    await user.type(screen.getByLabelText('Search'), 'nothing like this');
    expect(screen.getByText('No question matches these filters.')).toBeInTheDocument();
  });

  it('restores filters from the URL', async () => {
    await renderAt('/bank?kind=concept&q=harmonic', <BankScreen />);
    expect(await screen.findByLabelText('Search')).toHaveValue('harmonic');
    expect(screen.getAllByRole('link', { name: /harmonic/ })).toHaveLength(1);
  });
});

describe('a question page', () => {
  it('shows the prompt first and reveals hints one at a time, then answer, rubric and follow-ups', async () => {
    const user = userEvent.setup();
    await renderAt('/q/tf-sqrt', <QuestionScreen id="tf-sqrt" />);
    expect(await screen.findByText('Why scale by sqrt(d_k)?')).toBeInTheDocument();
    expect(screen.queryByText('To keep softmax out of saturation.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show hint 1 of 2' }));
    expect(screen.getByText('Think of variance.')).toBeInTheDocument();
    expect(screen.queryByText('Sum of products.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(screen.getByText('To keep softmax out of saturation.')).toBeInTheDocument();
    const rubric = screen.getByRole('region', { name: /Rubric/ });
    expect(within(rubric).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('What about QK-norm?')).toBeInTheDocument();
  });

  it('says so when the id is unknown', async () => {
    await renderAt('/q/nope', <QuestionScreen id="nope" />);
    expect(await screen.findByRole('heading', { name: 'Question not found' })).toBeInTheDocument();
  });
});
