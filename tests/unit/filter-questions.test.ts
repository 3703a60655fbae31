import { describe, expect, it } from 'vitest';
import { filterFromSearch, groupByTopic, matchesFilter, searchFromFilter } from '../../src/bank/filter-questions';
import type { Topic } from '../../src/bank/types';
import { questionSummary } from '../support/question';

const topics: Topic[] = [
  { id: 'metrics', title: 'Metrics', description: 'Precision and friends.', core: true },
  { id: 'transformers', title: 'Transformers', description: 'Attention and friends.', core: true },
];
const q = questionSummary;
const questions = [
  q('mt-f1', 'metrics', { promptText: 'Why is F1 a harmonic mean?', tags: ['f1'], difficulty: 'easy' }),
  q('mt-auc', 'metrics', { promptText: 'What does ROC-AUC measure?', tags: ['roc-auc'], difficulty: 'hard' }),
  q('tf-sqrt', 'transformers', { promptText: 'Why divide by \\sqrt{d_k} in attention?', kind: 'concept' }),
  q('softmax', 'transformers', { promptText: 'Write a numerically stable softmax.', kind: 'coding' }),
];

describe('filtering the bank', () => {
  it('matches every word of the query against prompt, tags and id, ignoring case and accents', () => {
    expect(questions.filter((x) => matchesFilter(x, { query: 'HARMONIC f1' })).map((x) => x.id)).toEqual(['mt-f1']);
    expect(questions.filter((x) => matchesFilter(x, { query: 'roc-auc' })).map((x) => x.id)).toEqual(['mt-auc']);
    expect(questions.filter((x) => matchesFilter(x, { query: 'sóftmax' })).map((x) => x.id)).toEqual(['softmax']);
    expect(questions.filter((x) => matchesFilter(x, { query: '   ' }))).toHaveLength(4);
  });

  it('combines topic, difficulty and kind', () => {
    expect(
      questions.filter((x) => matchesFilter(x, { topic: 'transformers', kind: 'coding' })).map((x) => x.id),
    ).toEqual(['softmax']);
    expect(questions.filter((x) => matchesFilter(x, { topic: 'metrics', difficulty: 'medium' }))).toEqual([]);
  });

  it('groups by topic in topic order, easiest first, and drops empty topics', () => {
    const groups = groupByTopic(topics, questions, { query: 'f1' });
    expect(groups.map((g) => g.topic.id)).toEqual(['metrics']);
    const all = groupByTopic(topics, questions, {});
    expect(all[0].questions.map((x) => x.id)).toEqual(['mt-f1', 'mt-auc']);
  });

  it('round-trips the filter through the URL and ignores invalid values', () => {
    const filter = { topic: 'metrics', difficulty: 'hard' as const, kind: 'concept' as const, query: 'roc auc' };
    expect(filterFromSearch(searchFromFilter(filter))).toEqual(filter);
    expect(filterFromSearch('?difficulty=impossible&kind=essay')).toEqual({});
    expect(searchFromFilter({})).toBe('');
  });
});
