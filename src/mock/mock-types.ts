/**
 * The mock interview's types, inferred from the stored schema (src/storage/mock-record-schema.ts)
 * and re-exported here for the mock room's files; rooms below the mock room import them from there.
 */
import type { Difficulty } from '../bank/types';

export type {
  Assessment,
  Confidence,
  DrillAttempt,
  MockConfig,
  MockItem,
  MockMode,
  MockSession,
  MockStatus,
  Visit,
} from '../storage/mock-record-schema';

export { CONFIDENCES, MOCK_MODES, QUESTION_TIMINGS } from '../storage/mock-record-schema';

export const DIFFICULTY_MIX_DEFAULT: Record<Difficulty, number> = { easy: 30, medium: 50, hard: 20 };
