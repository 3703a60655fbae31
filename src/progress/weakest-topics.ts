/** The weakest topics among those the user studies, from the loaded progress. */
import type { ProgressData } from '../service/progress-data';
import { rankWeakTopics, topicFigures, type WeakTopic } from './topic-mastery';

/** The weakest topics among those the user studies (all topics when settings name none). */
export function weakestTopics(data: ProgressData, now: number): WeakTopic[] {
  const included = new Set(data.settings.topics);
  const questions = data.index.questions.filter((q) => included.size === 0 || included.has(q.topic));
  return rankWeakTopics(topicFigures({ questions, cards: data.cards, reviews: data.reviews, mocks: data.mocks, now }));
}
