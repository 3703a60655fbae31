/**
 * The grade a coding card's tests propose in review. It starts from the drill page's rule
 * (drillRating: every test passes with no hint → Good, after a hint or the solution → Hard, a
 * failure → Again) and adds review's Easy: a clean pass within half the question's time budget.
 */
import { drillRating } from '../drills/drill-grade';
import type { Rating } from '../srs/types';

/** A clean pass this fast, as a share of the question's time budget, proposes Easy. */
export const EASY_SHARE_OF_BUDGET = 0.5;

export const CODING_GRADE_RULE =
  'Submit proposes a grade from the tests: all pass → Good (Easy within half the time budget); after a hint or the solution → Hard; any test fails → Again. You can pick another grade before moving on.';

export interface CodingSubmission {
  passed: number;
  total: number;
  allPassed: boolean;
  hintsUsed: number;
  solutionShown: boolean;
  /** Time from the card appearing to the Submit. */
  durationMs: number;
  /** The question's time budget. */
  budgetMs: number;
}

export function proposeCodingGrade(submission: CodingSubmission): Rating {
  const rating = drillRating(submission.allPassed, submission.hintsUsed, submission.solutionShown);
  const fast = submission.durationMs <= submission.budgetMs * EASY_SHARE_OF_BUDGET;
  return rating === 3 && fast ? 4 : rating;
}
