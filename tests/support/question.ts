/** A question summary for tests: a concept question of medium difficulty unless told otherwise. */
import type { QuestionSummary } from '../../src/bank/types';

export const questionSummary = (id: string, topic: string, extra: Partial<QuestionSummary> = {}): QuestionSummary => ({
  id,
  title: `Title of ${id}`,
  topic,
  kind: 'concept',
  difficulty: 'medium',
  time: 120,
  tags: [],
  promptText: `Prompt of ${id}`,
  ...extra,
});
