/** The review a drill submit records: written on the screen too, so the rule is never hidden. */
import type { Rating } from '../srs/types';

export const DRILL_GRADE_RULE =
  'Submitting records a review: every test passes with no hint → Good; passes after a hint or the solution → Hard; any test fails → Again.';

export function drillRating(allPassed: boolean, hintsUsed: number, solutionShown: boolean): Rating {
  if (!allPassed) return 1;
  return hintsUsed > 0 || solutionShown ? 2 : 3;
}
