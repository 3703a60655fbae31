/** The report of a finished mock: per-question, per-topic and overall figures. Pure. */

import { isAnswered, questionScore, rubricCoverage } from './grade-proposal';
import { itemUsedMs } from './mock-session';
import type { MockItem, MockSession } from './mock-types';

export interface QuestionReport {
  index: number;
  item: MockItem;
  usedMs: number;
  budgetMs: number;
  overtimeMs: number;
  coverage: number;
  score: number;
  /** Nothing was typed, written or submitted: the question was skipped. */
  skipped: boolean;
}

export interface TopicReport {
  topic: string;
  questions: number;
  /** How many of those questions were skipped. */
  skipped: number;
  /**
   * Mean score over the answered questions only: a skipped question says nothing about what the
   * user knows. Undefined when every question of the topic was skipped.
   */
  score?: number;
}

export interface MockReport {
  questions: QuestionReport[];
  topics: TopicReport[];
  /** Mean over every question; a skipped one counts 0, as an unanswered question would in an interview. */
  score: number;
  skipped: number;
  /** Topics scoring under WEAK_TOPIC_SCORE in this mock, weakest first (at most three); never all-skipped ones. */
  weakest: (TopicReport & { score: number })[];
  usedMs: number;
  /** Whether any question was a coding one (else the report has no Tests column). */
  hasCoding: boolean;
}

export const WEAK_TOPIC_SCORE = 70;

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);

export function buildMockReport(session: MockSession): MockReport {
  const end = session.endedAt ?? session.createdAt;
  const questions = session.items.map((item, index) => {
    const usedMs = itemUsedMs(item, end);
    const budgetMs = item.budgetSeconds * 1000;
    const coverage = rubricCoverage(item.assessment.covered.filter(Boolean).length, item.assessment.covered.length);
    const skipped = !isAnswered(item);
    return {
      index,
      item,
      usedMs,
      budgetMs,
      overtimeMs: budgetMs > 0 ? Math.max(0, usedMs - budgetMs) : 0,
      coverage,
      // Ticks on a skipped question cannot score: there was no answer to cover anything.
      score: skipped ? 0 : questionScore(item.kind, coverage, item.drill),
      skipped,
    };
  });
  const byTopic = new Map<string, QuestionReport[]>();
  for (const q of questions) byTopic.set(q.item.topic, [...(byTopic.get(q.item.topic) ?? []), q]);
  const topics = [...byTopic].map(([topic, qs]): TopicReport => {
    const answered = qs.filter((q) => !q.skipped);
    return {
      topic,
      questions: qs.length,
      skipped: qs.length - answered.length,
      score: answered.length ? mean(answered.map((q) => q.score)) : undefined,
    };
  });
  return {
    questions,
    topics,
    score: mean(questions.map((q) => q.score)),
    skipped: questions.filter((q) => q.skipped).length,
    weakest: topics
      .filter((t): t is TopicReport & { score: number } => t.score !== undefined && t.score < WEAK_TOPIC_SCORE)
      .sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic))
      .slice(0, 3),
    usedMs: questions.reduce((s, q) => s + q.usedMs, 0),
    hasCoding: questions.some((q) => q.item.kind === 'coding'),
  };
}
