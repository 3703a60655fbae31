/** The report of a finished mock: per-question, per-topic and overall figures. Pure. */

import { questionScore, rubricCoverage } from './grade-proposal';
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
}

export interface TopicReport {
  topic: string;
  questions: number;
  score: number;
}

export interface MockReport {
  questions: QuestionReport[];
  topics: TopicReport[];
  score: number;
  /** Topics scoring under WEAK_TOPIC_SCORE in this mock, weakest first (at most three). */
  weakest: TopicReport[];
  usedMs: number;
}

export const WEAK_TOPIC_SCORE = 70;

export function buildMockReport(session: MockSession): MockReport {
  const end = session.endedAt ?? session.createdAt;
  const questions = session.items.map((item, index) => {
    const usedMs = itemUsedMs(item, end);
    const budgetMs = item.budgetSeconds * 1000;
    const coverage = rubricCoverage(item.assessment.covered.filter(Boolean).length, item.assessment.covered.length);
    return {
      index,
      item,
      usedMs,
      budgetMs,
      overtimeMs: budgetMs > 0 ? Math.max(0, usedMs - budgetMs) : 0,
      coverage,
      score: questionScore(item.kind, coverage, item.drill),
    };
  });
  const byTopic = new Map<string, number[]>();
  for (const q of questions) byTopic.set(q.item.topic, [...(byTopic.get(q.item.topic) ?? []), q.score]);
  const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  const topics = [...byTopic].map(([topic, scores]) => ({ topic, questions: scores.length, score: mean(scores) }));
  return {
    questions,
    topics,
    score: mean(questions.map((q) => q.score)),
    weakest: topics
      .filter((t) => t.score < WEAK_TOPIC_SCORE)
      .sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic))
      .slice(0, 3),
    usedMs: questions.reduce((s, q) => s + q.usedMs, 0),
  };
}
