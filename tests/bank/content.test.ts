/** Content checks on the real question bank: it compiles, meets the minimums, and has no near-duplicates. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBank, DESIGN_PHASES_REQUIRED } from '../../scripts/bank/compile';
import { BESIDE_ML_TOPICS, mockPresets } from '../../src/mock/presets';
import { ROLE_PRESETS } from '../../src/progress/study-plan';

const bank = compileBank(resolve('question-bank'));
const coreTopics = bank.topics.filter((t) => t.core).map((t) => t.id);
const otherTopics = bank.topics.filter((t) => !t.core).map((t) => t.id);
const nonCoding = bank.questions.filter((q) => q.kind !== 'coding');

/** Per-topic minimums of concept + design questions; raised as the bank grows, never lowered. */
const CORE_MINIMUM = 40;
const OTHER_MINIMUM = 30;
/** Topics whose issue set a smaller scope: the behavioural round, and SQL whose weight is in its drills. */
const MINIMUM_BY_TOPIC: Record<string, number> = { 'cloud-deployment': 25, behavioural: 20, sql: 10 };
const DRILL_MINIMUM = 130;
/** Distinct design-round phases a design question's rubric must cover (issue 19). */
const DESIGN_PHASES_MINIMUM = 4;

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2),
  );
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

describe('the question bank', () => {
  it('compiles with no problems', () => {
    expect(bank.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });

  it.each(coreTopics)('core topic %s has enough concept and design questions', (topic) => {
    expect(nonCoding.filter((q) => q.topic === topic).length).toBeGreaterThanOrEqual(CORE_MINIMUM);
  });

  it.each(otherTopics)('topic %s has enough questions', (topic) => {
    expect(nonCoding.filter((q) => q.topic === topic).length).toBeGreaterThanOrEqual(
      MINIMUM_BY_TOPIC[topic] ?? OTHER_MINIMUM,
    );
  });

  it('has enough coding drills, three or more per core topic', () => {
    const drills = bank.questions.filter((q) => q.kind === 'coding');
    expect(drills.length).toBeGreaterThanOrEqual(DRILL_MINIMUM);
    for (const topic of coreTopics) {
      expect(drills.filter((q) => q.topic === topic).length, `drills in ${topic}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('names only real topics in the set-up’s role presets', () => {
    const known = new Set(bank.topics.map((t) => t.id));
    for (const role of ROLE_PRESETS)
      for (const topic of role.topics) expect(known.has(topic), `${role.id}: ${topic}`).toBe(true);
  });

  it('names only real topics in the mock presets, and each preset finds questions of its kinds', () => {
    const known = new Set(bank.topics.map((t) => t.id));
    for (const topic of BESIDE_ML_TOPICS) expect(known.has(topic), `beside ML: ${topic}`).toBe(true);
    for (const preset of mockPresets(bank.topics)) {
      for (const topic of preset.config.topics) expect(known.has(topic), `${preset.id}: ${topic}`).toBe(true);
      const kinds: readonly string[] = preset.config.kinds;
      const available = bank.questions.filter((q) => preset.config.topics.includes(q.topic) && kinds.includes(q.kind));
      expect(available.length, `${preset.id}: questions to draw`).toBeGreaterThanOrEqual(preset.config.count);
    }
  });

  it('includes the four drills with fixed ids', () => {
    const ids = new Set(bank.questions.map((q) => q.id));
    for (const id of ['softmax', 'precision-recall-f1', 'roc-auc', 'cosine-top-k']) expect(ids.has(id), id).toBe(true);
  });

  it('gives every question a non-trivial model answer and a rubric, and concept questions follow-ups', () => {
    for (const q of bank.questions) {
      const answerText = q.answerHtml.replace(/<[^>]+>/g, ' ');
      expect(answerText.split(/\s+/).filter(Boolean).length, `${q.id}: answer too short`).toBeGreaterThanOrEqual(25);
      expect(q.rubric.length, `${q.id}: rubric`).toBeGreaterThanOrEqual(q.kind === 'design' ? 5 : 3);
      if (q.kind === 'concept') expect(q.followUps.length, `${q.id}: follow-ups`).toBeGreaterThan(0);
    }
  });

  it.skipIf(!DESIGN_PHASES_REQUIRED)(
    `tags every design question's rubric with at least ${DESIGN_PHASES_MINIMUM} distinct phases`,
    () => {
      const narrow = bank.questions
        .filter((q) => q.kind === 'design')
        .map((q) => ({ id: q.id, phases: new Set(q.rubricPhases ?? []) }))
        .filter((q) => q.phases.size < DESIGN_PHASES_MINIMUM)
        .map((q) => `${q.id}: ${[...q.phases].join(', ') || 'untagged'}`);
      expect(narrow).toEqual([]);
    },
  );

  it('has no two near-duplicate prompts', () => {
    const prompts = bank.questions.map((q) => ({ id: q.id, words: words(q.promptText) }));
    const duplicates: string[] = [];
    for (let i = 0; i < prompts.length; i++) {
      for (let j = i + 1; j < prompts.length; j++) {
        const score = similarity(prompts[i].words, prompts[j].words);
        if (score >= 0.7) duplicates.push(`${prompts[i].id} ~ ${prompts[j].id} (${score.toFixed(2)})`);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('keeps the difficulty spread near 30% easy, 50% medium, 20% hard', () => {
    const share = (d: string) => bank.questions.filter((q) => q.difficulty === d).length / bank.questions.length;
    expect(share('easy')).toBeGreaterThan(0.15);
    expect(share('medium')).toBeGreaterThan(0.35);
    expect(share('hard')).toBeGreaterThan(0.08);
  });
});
