/** Mock set-ups a candidate would reach for; each only fills the form, which the user may adjust. */
import type { Topic } from '../bank/types';
import type { MockConfig } from './mock-types';
import { DIFFICULTY_MIX_DEFAULT } from './mock-types';

export interface MockPreset {
  id: string;
  description: string;
  config: MockConfig;
}

const base = {
  difficultyMix: DIFFICULTY_MIX_DEFAULT,
  questionTiming: 'own',
  perQuestionSeconds: 120,
  mode: 'strict',
} as const;

/**
 * Topics the role guides list beside ML, each practised in a round of its own (or not in a mock):
 * the breadth and coding presets draw from every other topic in the bank.
 */
export const BESIDE_ML_TOPICS: ReadonlySet<string> = new Set([
  'python-data',
  'probability-statistics',
  'llm-engineering',
  'cloud-deployment',
  'behavioural',
  'sql',
]);

/** The bank's ML topics, in the bank's order: a topic added to the bank joins the breadth presets by itself. */
export function mlTopics(topics: readonly Pick<Topic, 'id'>[]): string[] {
  return topics.map((t) => t.id).filter((id) => !BESIDE_ML_TOPICS.has(id));
}

/** The presets for this bank: built from its topic list, so they never name a topic list of their own. */
export function mockPresets(topics: readonly Pick<Topic, 'id'>[]): MockPreset[] {
  const ml = mlTopics(topics);
  return [
    {
      id: 'ml-breadth',
      description: 'Twelve concept questions across every topic, like a phone screen.',
      config: {
        ...base,
        title: 'ML breadth, 30 min',
        topics: ml,
        count: 12,
        kinds: ['concept'],
        totalSeconds: 1800,
      },
    },
    {
      id: 'rag-deep-dive',
      description: 'RAG concepts, a retrieval coding task and a design question.',
      config: {
        ...base,
        title: 'RAG design deep dive, 45 min',
        topics: ['rag-design'],
        count: 4,
        kinds: ['concept', 'coding', 'design'],
        totalSeconds: 2700,
      },
    },
    {
      id: 'transformers-rapid-fire',
      description: 'Ten transformer questions, 90 seconds each.',
      config: {
        ...base,
        title: 'Transformers rapid-fire, 15 min',
        topics: ['transformers'],
        count: 10,
        kinds: ['concept'],
        questionTiming: 'custom',
        perQuestionSeconds: 90,
        totalSeconds: 900,
      },
    },
    {
      id: 'metrics-evaluation',
      description: 'Metrics and LLM evaluation concepts.',
      config: {
        ...base,
        title: 'Metrics and evaluation, 20 min',
        topics: ['metrics', 'evaluation-guardrails'],
        count: 8,
        kinds: ['concept'],
        totalSeconds: 1200,
      },
    },
    {
      id: 'coding-round',
      description: 'Two ML coding drills, as in a live coding round.',
      config: {
        ...base,
        title: 'ML coding round, 45 min',
        topics: ml,
        count: 2,
        kinds: ['coding'],
        totalSeconds: 2700,
      },
    },
    {
      id: 'system-design',
      description: 'Two ML system design questions.',
      config: {
        ...base,
        title: 'ML system design, 45 min',
        topics: ['system-design', 'mlops', 'rag-design'],
        count: 2,
        kinds: ['design'],
        totalSeconds: 2700,
      },
    },
    // Rounds for the skills the role guides list beside ML: Python and data, LLM engineering, behavioural.
    {
      id: 'python-data',
      description: 'Python and pandas concepts, then a data-wrangling drill.',
      config: {
        ...base,
        title: 'Python and data, 20 min',
        topics: ['python-data'],
        count: 5,
        kinds: ['concept', 'coding'],
        totalSeconds: 1200,
      },
    },
    {
      id: 'llm-engineering',
      description: 'Calling models in production, prompts as code, caching and cost, and a design question.',
      config: {
        ...base,
        title: 'LLM engineering, 30 min',
        topics: ['llm-engineering'],
        count: 5,
        kinds: ['concept', 'design'],
        totalSeconds: 1800,
      },
    },
    {
      id: 'behavioural',
      description: 'Five stories told aloud, about five minutes each, checked against what interviewers listen for.',
      config: {
        ...base,
        title: 'Behavioural, 30 min',
        topics: ['behavioural'],
        count: 5,
        kinds: ['concept'],
        questionTiming: 'custom',
        perQuestionSeconds: 300,
        totalSeconds: 1800,
      },
    },
  ];
}

export function customConfig(topics: string[]): MockConfig {
  return { ...base, title: 'Custom mock', topics, count: 5, kinds: ['concept', 'design', 'coding'] };
}
