/**
 * "My weakest topics": offered once there is a history, built from the three weakest topics the
 * user studies, with as many questions as those topics can fill (design questions left out).
 */
import { describe, expect, it, vi } from 'vitest';
import type { BankIndex } from '../../src/bank/types';
import { customConfig } from '../../src/mock/presets';
import { weakTopicPreset } from '../../src/mock/weak-topic-preset';
import { weakestTopics } from '../../src/progress/weakest-topics';
import { ProgressService } from '../../src/service/progress-service';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { progressData, reviewRecord } from '../support/progress-data';
import { questionSummary } from '../support/question';
import { seenCard } from '../support/queue-fixtures';

const NOW = Date.now();
const DAY = 86_400_000;

const index: BankIndex = {
  topics: [
    { id: 'metrics', title: 'Metrics', description: '', core: true },
    { id: 'rag', title: 'RAG', description: '', core: true },
    { id: 'sql', title: 'SQL', description: '', core: false },
    { id: 'agents', title: 'Agents', description: '', core: false },
  ],
  questions: [
    questionSummary('m1', 'metrics'),
    questionSummary('r1', 'rag'),
    questionSummary('r2', 'rag', { kind: 'coding' }),
    questionSummary('r3', 'rag', { kind: 'design' }),
    questionSummary('s1', 'sql', { kind: 'coding' }),
    questionSummary('a1', 'agents'),
  ],
};

vi.mock('../../src/bank/bank-data', () => ({ loadBankIndex: async () => index }));

const quietChannel = { post: () => {}, listen: () => () => {} };

describe('weakestTopics', () => {
  it('ranks only the topics the user studies', () => {
    const cards = new Map([['m1', seenCard(NOW, 'm1', 'review', NOW + 20 * DAY)]]);
    const all = weakestTopics(progressData({ index, cards }), NOW).map((w) => w.figures.topic);
    expect(all).toEqual(['agents', 'rag', 'sql', 'metrics']);
    const settings = { ...DEFAULT_SETTINGS, topics: ['metrics', 'sql'] };
    expect(weakestTopics(progressData({ index, cards, settings }), NOW).map((w) => w.figures.topic)).toEqual([
      'sql',
      'metrics',
    ]);
  });
});

describe('the weakest-topics preset', () => {
  it('is not offered before the first review', async () => {
    const service = new ProgressService(new MemoryProgressRepository(), quietChannel);
    expect(await weakTopicPreset(service, index.questions)).toBeUndefined();
  });

  it('names the three weakest topics and asks for what they can fill, design left out', async () => {
    const store = new MemoryProgressRepository();
    // Metrics is known well; agents, rag and sql are untouched.
    await store.importBackup(
      {
        format: 'drillbook-backup',
        version: 1,
        exportedAt: new Date(NOW).toISOString(),
        recordVersions: { review: 1, settings: 1 },
        reviews: [reviewRecord('m1', NOW - 2 * DAY, 4)],
        values: [],
      },
      'merge',
    );
    const preset = await weakTopicPreset(new ProgressService(store, quietChannel), index.questions);
    expect(preset).toEqual({
      id: 'weakest',
      description: 'Your three weakest topics now: Agents, RAG, SQL.',
      config: {
        ...customConfig(['agents', 'rag', 'sql']),
        title: 'My weakest topics, 25 min',
        kinds: ['concept', 'coding'],
        count: 4, // a1, r1, r2, s1: the design question r3 does not count
        totalSeconds: 1500,
      },
    });
  });
});
