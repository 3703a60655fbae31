/** Gathers what the dashboard and the weak-topic shortcuts need from the progress store. */
import { loadBankIndex } from '../bank/bank-data';
import type { BankIndex } from '../bank/types';
import { listMocks } from '../mock/mock-repository';
import type { MockSession } from '../mock/mock-types';
import type { CardState, ReviewRecord, Settings } from '../srs/types';
import { progressRepository } from '../storage/progress-connection';
import { rankWeakTopics, topicFigures, type WeakTopic } from './topic-mastery';

export interface ProgressData {
  index: BankIndex;
  cards: Map<string, CardState>;
  /** Live reviews (undone ones dropped), any order. */
  reviews: ReviewRecord[];
  mocks: MockSession[];
  settings: Settings;
  interviewDate?: string;
}

export const INTERVIEW_DATE_KEY = 'interview-date';

export async function loadProgressData(): Promise<ProgressData> {
  const repo = await progressRepository();
  const [index, cards, all, mocks, settings, interviewDate] = await Promise.all([
    loadBankIndex(),
    repo.loadCards(),
    repo.allReviews(),
    listMocks(),
    repo.getSettings(),
    repo.getValue<string>(INTERVIEW_DATE_KEY),
  ]);
  return {
    index,
    cards,
    reviews: all.filter((r) => r.undoneAt === undefined),
    mocks,
    settings,
    interviewDate: typeof interviewDate === 'string' ? interviewDate : undefined,
  };
}

/** The weakest topics among those the user studies (all topics when settings name none). */
export function weakestTopics(data: ProgressData, now: number): WeakTopic[] {
  const included = new Set(data.settings.topics);
  const questions = data.index.questions.filter((q) => included.size === 0 || included.has(q.topic));
  return rankWeakTopics(topicFigures({ questions, cards: data.cards, reviews: data.reviews, mocks: data.mocks, now }));
}
