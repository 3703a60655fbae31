/**
 * The grade Drillbook proposes for a mock answer, from what the user ticked on the rubric, the
 * time used against the budget and, for code, the tests. The rule is shown on screen as written
 * here; the user may always override it.
 */
import { roundHasWork } from '../design/design-round';
import type { Rating } from '../srs/types';
import type { Confidence, DrillAttempt, MockItem } from './mock-types';

export const GRADE_RULE = [
  'Again: no answer; for concept and design, under half the rubric covered; for code, fewer than half the tests passing.',
  'Hard: for concept and design, half to 80% of the rubric covered; for code, at least half the tests passing but not all of them, or every test passing with under 80% of the rubric.',
  'Good: at least 80% of the rubric covered and, for code, every test passing.',
  'Easy: everything covered, within half the budget, with high confidence.',
  'Over budget lowers the grade one step (not below Again); low confidence caps it at Hard.',
] as const;

export interface ProposalInput {
  kind: MockItem['kind'];
  /** Rubric points ticked / rubric points. */
  covered: number;
  rubricSize: number;
  answered: boolean;
  usedMs: number;
  /** 0 when the question had no budget. */
  budgetMs: number;
  drill?: DrillAttempt;
  confidence?: Confidence;
}

export function rubricCoverage(covered: number, rubricSize: number): number {
  return rubricSize > 0 ? Math.min(1, covered / rubricSize) : 0;
}

export function proposeRating(input: ProposalInput): Rating {
  if (!input.answered) return 1;
  const coverage = rubricCoverage(input.covered, input.rubricSize);
  const testShare = input.drill && input.drill.total > 0 ? input.drill.passed / input.drill.total : 0;
  const isCode = input.kind === 'coding';
  let rating: Rating;
  if (isCode && testShare < 0.5) rating = 1;
  else if (!isCode && coverage < 0.5) rating = 1;
  else if (coverage >= 0.8 && (!isCode || input.drill?.allPassed)) rating = 3;
  else rating = 2;
  const withinHalf = input.budgetMs === 0 || input.usedMs <= input.budgetMs / 2;
  if (rating === 3 && coverage === 1 && withinHalf && input.confidence === 'high') rating = 4;
  if (input.budgetMs > 0 && input.usedMs > input.budgetMs && rating > 1) rating = (rating - 1) as Rating;
  if (input.confidence === 'low' && rating > 2) rating = 2;
  return rating;
}

/** A question's score out of 100: rubric coverage, averaged with the test pass rate for code. */
export function questionScore(kind: MockItem['kind'], coverage: number, drill?: DrillAttempt): number {
  if (kind !== 'coding') return Math.round(coverage * 100);
  const tests = drill && drill.total > 0 ? drill.passed / drill.total : 0;
  return Math.round(((coverage + tests) / 2) * 100);
}

/**
 * A typed answer counts when it has text, a design one also when something was drawn or a follow-up
 * answered; code counts once it was submitted or changed (and not
 * emptied). Anything else was skipped: the assessment folds it and the report does not score its topic.
 */
export function isAnswered(item: MockItem): boolean {
  if (item.kind === 'coding')
    return item.drill !== undefined || Object.values(item.code?.sources ?? {}).some((code) => code.trim().length > 0);
  // A design answer may be a drawing or follow-up answers with nothing typed.
  return item.answer.trim().length > 0 || roundHasWork(item.design);
}

export function proposeForItem(item: MockItem, usedMs: number): Rating {
  return proposeRating({
    kind: item.kind,
    covered: item.assessment.covered.filter(Boolean).length,
    rubricSize: item.assessment.covered.length,
    answered: isAnswered(item),
    usedMs,
    budgetMs: item.budgetSeconds * 1000,
    drill: item.drill,
    confidence: item.assessment.confidence,
  });
}
