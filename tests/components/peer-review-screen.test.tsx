// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Question } from '../../src/bank/types';
import { buildPeerReviewFile, bytesToBase64 } from '../../src/mock/peer-review-file';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { memoryService } from '../support/progress-service';
import { sampleMock } from '../support/sample-mock';

const precision: Question = {
  id: 'mt-precision',
  title: 'Precision in one line',
  topic: 'metrics',
  kind: 'concept',
  difficulty: 'easy',
  time: 120,
  tags: [],
  promptText: 'What is precision?',
  promptHtml: '<p>What is precision?</p>',
  answerHtml: '<p>The share of predicted positives that are right.</p>',
  rubric: ['Names TP over TP + FP', 'Says what a false positive costs', 'Contrasts with recall'],
  hints: [],
  followUps: [],
};

let repo = new MemoryProgressRepository();
const downloads: { name: string; value: unknown }[] = [];
vi.mock('../../src/service/service-connection', () => ({
  progressService: () => Promise.resolve(memoryService(repo)),
}));
vi.mock('../../src/bank/bank-data', () => ({
  // The reviewer's bank has the first question but not the second.
  loadQuestion: (id: string) => (id === 'mt-precision' ? precisionPromise : missingPromise),
}));
vi.mock('../../src/ui/download-json', () => ({
  downloadJson: (name: string, value: unknown) => downloads.push({ name, value }),
}));
// Excalidraw's SVG export needs a real browser; the picture itself is checked in e2e.
vi.mock('../../src/design/render-drawing', () => ({
  renderDrawingSvg: async () => document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
}));
const precisionPromise = Promise.resolve(precision);
const missingPromise = Promise.resolve(undefined);

const { default: PeerReviewScreen } = await import('../../src/mock/peer-review-screen');

const T0 = Date.UTC(2026, 11, 1, 9);
function reviewFileText(): string {
  const file = buildPeerReviewFile({
    session: sampleMock(T0, 'Precision is TP / (TP + FP).'),
    titles: { 'mt-precision': 'Precision in one line', 'roc-auc': 'ROC-AUC from scores' },
    drawings: new Map([
      [0, { version: 1, elements: [{ id: 'b', type: 'text', text: 'Confusion matrix' }], updatedAt: T0 }],
    ]),
    recordings: new Map([[1, { mimeType: 'audio/webm', durationMs: 5000, base64: bytesToBase64(new Uint8Array(64)) }]]),
    now: T0 + 3_600_000,
  });
  return JSON.stringify(file);
}

async function renderScreen() {
  const location = memoryLocation({ path: '/peer-review' });
  await act(async () => {
    render(
      <Router hook={location.hook}>
        <Suspense fallback="loading">
          <PeerReviewScreen />
        </Suspense>
      </Router>,
    );
  });
}

async function pick(user: ReturnType<typeof userEvent.setup>, label: RegExp, name: string, text: string) {
  await user.upload(screen.getByLabelText(label), new File([text], name, { type: 'application/json' }));
}

describe('reviewing a friend’s mock', () => {
  beforeEach(() => {
    repo = new MemoryProgressRepository();
    downloads.length = 0;
    URL.createObjectURL = vi.fn(() => 'blob:recording');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.restoreAllMocks());

  it('says what is wrong with a file that is not a mock to review, and changes nothing', async () => {
    const user = userEvent.setup();
    await renderScreen();
    await pick(user, /Mock file to review/, 'notes.json', '{"hello": ');
    expect(await screen.findByRole('alert')).toHaveTextContent('notes.json: This file is not a Drillbook file');
    await pick(
      user,
      /Mock file to review/,
      'newer.json',
      JSON.stringify({ ...JSON.parse(reviewFileText()), version: 2 }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/made by a newer Drillbook/);
    expect(screen.queryByRole('region', { name: /^Question 1/ })).not.toBeInTheDocument();
    expect(await repo.allValues()).toEqual([]);
  });

  it('shows each answer beside the reviewer’s model answer and rubric, and exports the grades', async () => {
    const user = userEvent.setup();
    await renderScreen();
    await pick(user, /Mock file to review/, 'mixed-for-review.drillbook.json', reviewFileText());

    const first = await screen.findByRole('region', { name: /^Question 1: Precision in one line/ });
    expect(within(first).getByText('What is precision?')).toBeInTheDocument();
    expect(within(first).getByText('Precision is TP / (TP + FP).')).toBeInTheDocument();
    expect(within(first).getByText('The share of predicted positives that are right.')).toBeInTheDocument();
    expect(
      within(first).getByRole('img', { name: 'Their drawing for question 1: 0 shapes, labelled Confusion matrix.' }),
    ).toBeInTheDocument();
    const rubric = within(first).getByRole('group', { name: 'Rubric: tick what their answer covered' });
    expect(within(rubric).getAllByRole('checkbox')).toHaveLength(3);
    // Blind: the candidate's own ticks and grade are not in the file, so nothing starts ticked.
    for (const box of within(rubric).getAllByRole('checkbox')) expect(box).not.toBeChecked();

    const second = screen.getByRole('region', { name: /^Question 2: ROC-AUC from scores/ });
    expect(within(second).getByText(/not in your question bank/)).toBeInTheDocument();
    expect(within(second).getByText('def roc_auc(y, s): ...')).toBeInTheDocument();
    expect(within(second).getByText('Tests: 5 of 9 passed.')).toBeInTheDocument();
    const spoken = within(second).getByRole('region', { name: 'Their spoken answer to question 2' });
    expect(await within(spoken).findByLabelText('Their spoken answer to question 2')).toHaveAttribute(
      'src',
      'blob:recording',
    );
    expect(within(second).queryByRole('group', { name: /Rubric/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/Your name/), 'Sam');
    await user.click(within(rubric).getByRole('checkbox', { name: 'Names TP over TP + FP' }));
    await user.click(within(rubric).getByRole('checkbox', { name: 'Contrasts with recall' }));
    await user.click(
      within(within(first).getByRole('group', { name: 'Grade for question 1' })).getByRole('radio', { name: 'Good' }),
    );
    await user.type(within(first).getByLabelText('Comment on question 1'), 'Crisp.');
    await user.click(
      within(within(second).getByRole('group', { name: 'Grade for question 2' })).getByRole('radio', { name: 'Hard' }),
    );
    expect(screen.getByText('2 of 2 questions graded.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export my grades' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toBe('mixed-grades.drillbook.json');
    expect(downloads[0].value).toMatchObject({
      format: 'drillbook-peer-grades',
      version: 1,
      mockId: 'sample-mock',
      reviewer: 'Sam',
      items: [
        { index: 0, questionId: 'mt-precision', rating: 3, covered: [true, false, true], comment: 'Crisp.' },
        { index: 1, questionId: 'roc-auc', rating: 2, covered: [], comment: '' },
      ],
    });
    expect(screen.getByText(/Saved mixed-grades.drillbook.json/)).toBeInTheDocument();

    // The reviewer's own progress is untouched: no review, and only the draft of this grading is kept.
    expect(await repo.allReviews()).toEqual([]);
    expect((await repo.allValues()).map((v) => v.key)).toEqual(['peer-review-draft:sample-mock']);
  });

  it('keeps a draft, so picking the same file after a reload brings the grading back', async () => {
    const user = userEvent.setup();
    await renderScreen();
    await pick(user, /Mock file to review/, 'mock.json', reviewFileText());
    const first = await screen.findByRole('region', { name: /^Question 1/ });
    await user.type(within(first).getByLabelText('Comment on question 1'), 'Half done');
    await user.click(within(first).getByRole('checkbox', { name: 'Says what a false positive costs' }));
    cleanup();

    await renderScreen();
    await pick(user, /Mock file to review/, 'mock.json', reviewFileText());
    const again = await screen.findByRole('region', { name: /^Question 1/ });
    expect(within(again).getByLabelText('Comment on question 1')).toHaveValue('Half done');
    expect(within(again).getByRole('checkbox', { name: 'Says what a false positive costs' })).toBeChecked();
  });

  it('opens a file whose drawing is damaged, says so, and shows the rest', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const file = JSON.parse(reviewFileText());
    file.items[0].drawing = { version: 1, elements: 42 };
    await pick(user, /Mock file to review/, 'mock.json', JSON.stringify(file));
    expect(await screen.findByText('The drawing of question 1 is damaged and was left out.')).toBeInTheDocument();
    const first = screen.getByRole('region', { name: /^Question 1/ });
    expect(within(first).getByText('Precision is TP / (TP + FP).')).toBeInTheDocument();
    expect(within(first).queryByRole('img')).not.toBeInTheDocument();
  });
});
