/** What the dashboard, Home and the weak-topic shortcuts read: the bank index with the whole progress. */
import { loadBankIndex } from '../bank/bank-data';
import type { BankIndex } from '../bank/types';
import type { CardState, ReviewRecord, Settings } from '../srs/types';
import type { MockSession } from '../storage/mock-record-schema';
import { type ProgressChange, touchesRecords } from './change-channel';
import type { ProgressService } from './progress-service';
import { MOCK_PREFIX } from './progress-service';

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

export async function loadProgressData(service: ProgressService): Promise<ProgressData> {
  const [index, cards, all, mocks, settings, interviewDate] = await Promise.all([
    loadBankIndex(),
    service.loadCards(),
    service.allReviews(),
    service.listMocks(),
    service.getSettings(),
    service.getValue<string>(INTERVIEW_DATE_KEY),
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

/** Whether a change makes loaded progress data stale (a draft saved while typing does not). */
export function progressDataStaleAfter(change: ProgressChange): boolean {
  return (
    change.kinds.includes('reviews') ||
    change.kinds.includes('settings') ||
    touchesRecords(change, [MOCK_PREFIX, INTERVIEW_DATE_KEY])
  );
}
