/** The mock presets are built from the bank's topic list; the breadth presets keep to its ML topics. */
import { describe, expect, it } from 'vitest';
import { customConfig, mlTopics, mockPresets } from '../../src/mock/presets';

/** The list the breadth presets hard-coded before they were built from the bank. */
const ML_TOPICS_BEFORE = [
  'bias-variance',
  'metrics',
  'transformers',
  'rag-design',
  'system-design',
  'classical-ml',
  'deep-learning',
  'llm-fine-tuning',
  'agents',
  'evaluation-guardrails',
  'mlops',
];

/** The bank's topics in topics.yaml order, as of this change: the ML ones, then the rest. */
const BANK_TOPICS = [
  ...ML_TOPICS_BEFORE,
  'python-data',
  'probability-statistics',
  'llm-engineering',
  'cloud-deployment',
  'behavioural',
  'sql',
].map((id) => ({ id }));

const preset = (id: string, topics = BANK_TOPICS) => {
  const found = mockPresets(topics).find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
};

describe('the mock presets', () => {
  it('draw ML breadth and the coding round from the same topics as before, in the bank’s order', () => {
    expect(mlTopics(BANK_TOPICS)).toEqual(ML_TOPICS_BEFORE);
    expect(preset('ml-breadth').config.topics).toEqual(ML_TOPICS_BEFORE);
    expect(preset('coding-round').config.topics).toEqual(ML_TOPICS_BEFORE);
  });

  it('let a topic added to the bank join the breadth presets by itself', () => {
    const grown = [...BANK_TOPICS, { id: 'recommender-systems' }];
    expect(preset('ml-breadth', grown).config.topics).toEqual([...ML_TOPICS_BEFORE, 'recommender-systems']);
    expect(preset('coding-round', grown).config.topics).toContain('recommender-systems');
  });

  it('keep the first preset, ids and set-ups as they were', () => {
    const presets = mockPresets(BANK_TOPICS);
    expect(presets.map((p) => p.id)).toEqual([
      'ml-breadth',
      'rag-deep-dive',
      'transformers-rapid-fire',
      'metrics-evaluation',
      'coding-round',
      'system-design',
      'python-data',
      'llm-engineering',
      'behavioural',
    ]);
    expect(preset('ml-breadth').config).toMatchObject({ count: 12, kinds: ['concept'], totalSeconds: 1800 });
    expect(preset('system-design').config.topics).toEqual(['system-design', 'mlops', 'rag-design']);
  });

  it('fill a custom mock with the topics it is given', () => {
    expect(customConfig(['metrics'])).toMatchObject({ title: 'Custom mock', topics: ['metrics'], count: 5 });
  });
});
