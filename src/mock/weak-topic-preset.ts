/** The "My weakest topics" preset, offered once there is a history to judge weakness from. */
import type { QuestionSummary } from '../bank/types';
import { weakestTopics } from '../progress/weakest-topics';
import { loadProgressData } from '../service/progress-data';
import type { ProgressService } from '../service/progress-service';
import type { MockPreset } from './presets';
import { customConfig } from './presets';

export async function weakTopicPreset(
  service: ProgressService,
  questions: readonly QuestionSummary[],
): Promise<MockPreset | undefined> {
  const data = await loadProgressData(service);
  if (data.reviews.length === 0) return undefined;
  const weakest = weakestTopics(data, Date.now()).slice(0, 3);
  const names = weakest.map((w) => w.figures.topic);
  const available = questions.filter((q) => names.includes(q.topic) && q.kind !== 'design').length;
  return {
    id: 'weakest',
    description: `Your three weakest topics now: ${names.map((id) => data.index.topics.find((t) => t.id === id)?.title ?? id).join(', ')}.`,
    config: {
      ...customConfig(names),
      title: 'My weakest topics, 25 min',
      kinds: ['concept', 'coding'],
      count: Math.min(6, available),
      totalSeconds: 1500,
    },
  };
}
