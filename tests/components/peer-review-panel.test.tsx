// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BankIndex } from '../../src/bank/types';
import { buildPeerGradesFile, buildPeerReviewFile } from '../../src/mock/peer-review-file';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { memoryService } from '../support/progress-service';
import { sampleMock } from '../support/sample-mock';

let repo = new MemoryProgressRepository();
const downloads: { name: string; value: unknown }[] = [];
vi.mock('../../src/service/service-connection', () => ({
  progressService: () => Promise.resolve(memoryService(repo)),
}));
vi.mock('../../src/bank/bank-data', () => ({ loadBankIndex: () => indexPromise }));
vi.mock('../../src/ui/download-json', () => ({
  downloadJson: (name: string, value: unknown) => downloads.push({ name, value }),
}));
const index: BankIndex = {
  topics: [{ id: 'metrics', title: 'Metrics', description: '', core: true }],
  questions: [
    {
      id: 'mt-precision',
      title: 'Precision in one line',
      topic: 'metrics',
      kind: 'concept',
      difficulty: 'easy',
      time: 120,
      tags: [],
    },
    {
      id: 'roc-auc',
      title: 'ROC-AUC from scores',
      topic: 'metrics',
      kind: 'coding',
      difficulty: 'medium',
      time: 900,
      tags: [],
    },
  ],
};
const indexPromise = Promise.resolve(index);

const { PeerReviewPanel } = await import('../../src/mock/peer-grades');

const T0 = Date.UTC(2026, 11, 1, 9);
const session = sampleMock(T0, 'TP / (TP + FP)', 'Metrics warm-up');

function gradesText(mockId = session.id): string {
  const review = buildPeerReviewFile({ session: { ...session, id: mockId }, titles: {}, drawings: new Map(), now: T0 });
  const grades = buildPeerGradesFile(
    review,
    {
      reviewer: 'Sam',
      items: [
        {
          rating: 3,
          covered: [true, true, false, true, true, false, true],
          comment: 'Name the trade-off with recall.',
        },
        { rating: 1, covered: [false, false, false, false], comment: '' },
      ],
    },
    T0 + 86_400_000,
  );
  return JSON.stringify(grades);
}

async function renderPanel() {
  await act(async () => {
    render(
      <Suspense fallback="loading">
        <PeerReviewPanel session={session} />
      </Suspense>,
    );
  });
  return screen.getByRole('region', { name: 'Peer review' });
}

describe('peer review on a mock’s report', () => {
  beforeEach(() => {
    repo = new MemoryProgressRepository();
    downloads.length = 0;
  });

  it('exports the mock for a friend without the self-assessment, and says so', async () => {
    const user = userEvent.setup();
    const panel = await renderPanel();
    const button = await within(panel).findByRole('button', { name: 'Export for a peer review' });
    expect(button).toHaveAccessibleDescription(/your friend grades blind.*File size: about \d+ (B|KB)/);
    // No recording stored: no choice to offer.
    expect(within(panel).queryByRole('checkbox', { name: /Include recordings/ })).not.toBeInTheDocument();
    await user.click(button);
    expect(downloads.map((d) => d.name)).toEqual(['metrics-warm-up-for-review.drillbook.json']);
    const text = JSON.stringify(downloads[0].value);
    expect(text).toContain('"format":"drillbook-peer-review"');
    expect(text).toContain('Precision in one line');
    expect(text).not.toContain('assessment');
    expect(within(panel).getByText(/^Saved metrics-warm-up-for-review.drillbook.json/)).toHaveRole('status');
  });

  it('offers the recordings, off by default, with what they add to the size', async () => {
    const user = userEvent.setup();
    const recording = {
      version: 1,
      audio: new Blob([new Uint8Array(300_000)], { type: 'audio/webm' }),
      mimeType: 'audio/webm',
      durationMs: 9000,
      createdAt: T0,
    };
    // Node's structuredClone (in the in-memory store) cannot copy jsdom's Blob, so the record is served as it is.
    const stored = repo.getValue.bind(repo);
    repo.getValue = (async (key: string) =>
      key === `recording:mock:${session.id}:0` ? recording : stored(key)) as typeof repo.getValue;
    const panel = await renderPanel();
    const box = await within(panel).findByRole('checkbox', { name: 'Include recordings (1, about 391 KB more)' });
    expect(box).not.toBeChecked();
    const button = within(panel).getByRole('button', { name: 'Export for a peer review' });
    expect(button).toHaveAccessibleDescription(/File size: about \d+ B$/);
    await user.click(box);
    expect(button).toHaveAccessibleDescription(/File size: about 39\d KB$/);
    await user.click(button);
    const file = downloads[0].value as { items: { recording?: { base64: string; mimeType: string } }[] };
    expect(file.items[0].recording?.mimeType).toBe('audio/webm');
    expect(file.items[0].recording?.base64.length).toBe(400_000);
    expect(file.items[1].recording).toBeUndefined();
  });

  it('imports a friend’s grades and shows them beside the user’s own, outside the review log', async () => {
    const user = userEvent.setup();
    const panel = await renderPanel();
    await user.upload(
      within(panel).getByLabelText('Import a friend’s grades'),
      new File([gradesText()], 'metrics-warm-up-grades.drillbook.json'),
    );
    expect(await within(panel).findByText('Imported Sam’s grades.')).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: /Sam’s grades/ })).toBeInTheDocument();
    expect(within(panel).getByText(/peer grades never enter your review schedule/)).toBeInTheDocument();
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Question 1: Precision in one lineYour grade: Good. Sam’s grade: Good, 5 of 7 rubric points, comment:Name the trade-off with recall.',
    );
    expect(items[1]).toHaveTextContent('Your grade: not graded. Sam’s grade: Again, 0 of 4 rubric points.');
    expect(await repo.allReviews()).toEqual([]);
    expect((await repo.getValue(`peer-grades:${session.id}`)) as object).toMatchObject({
      version: 1,
      grades: { reviewer: 'Sam', mockId: session.id },
    });
  });

  it('refuses grades for another mock or a wrong file with a clear message, keeping what was there', async () => {
    const user = userEvent.setup();
    const panel = await renderPanel();
    const input = within(panel).getByLabelText('Import a friend’s grades');
    await user.upload(input, new File([gradesText()], 'good.json'));
    await within(panel).findByRole('heading', { name: /Sam’s grades/ });

    await user.upload(input, new File([gradesText('other-mock')], 'other.json'));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'other.json: These grades are for another mock (“Metrics warm-up”), not “Metrics warm-up”. Nothing was imported.',
    );
    await user.upload(input, new File(['{"format":"drillbook-peer-review","version":1}'], 'review.json'));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/holds a mock to review, not a friend’s grades/);
    // The earlier grades are still shown and stored.
    expect(within(panel).getByRole('heading', { name: /Sam’s grades/ })).toBeInTheDocument();
    expect(await repo.getValue(`peer-grades:${session.id}`)).toBeDefined();
  });

  it('shows grades imported earlier when the report opens', async () => {
    const { parsePeerGradesFile, storedPeerGrades } = await import('../../src/mock/peer-review-file');
    const parsed = parsePeerGradesFile(gradesText(), session);
    if (!parsed.ok) throw new Error(parsed.message);
    await repo.setValue(`peer-grades:${session.id}`, storedPeerGrades(parsed.value, T0));
    const panel = await renderPanel();
    expect(await within(panel).findByText(/Sam’s grade: Good, 5 of 7 rubric points/)).toBeInTheDocument();
  });
});
