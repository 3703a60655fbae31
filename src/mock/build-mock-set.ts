/**
 * Draws a mock interview's questions. Pure and seeded: the same bank, settings, history and
 * seed always give the same set. Topics are balanced as evenly as the bank allows, then kinds
 * and the difficulty mix; within those, due, weak and unseen questions come before ones the
 * user already knows.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DIFFICULTIES, type Difficulty, type Kind, type QuestionSummary } from '../bank/types';
import { retrievability } from '../srs/scheduler';
import type { CardState } from '../srs/types';
import type { MockConfig, MockItem } from './mock-types';

export type MockSetResult = { ok: true; items: MockItem[] } | { ok: false; message: string };

/** The order a mock presents its questions in: concepts to warm up, then code, then design. */
const PRESENTATION_RANK: Record<Kind, number> = { concept: 0, coding: 1, design: 2 };

/** A seen card below this predicted recall, or with this many lapses, counts as weak. */
const WEAK_RECALL = 0.85;
const WEAK_LAPSES = 2;

/** Why a question is worth asking now: due or weak first, then unseen, then the rest. */
export function questionPriority(card: CardState | undefined, now: number): number {
  if (!card) return 2;
  if (card.due <= now || card.lapses >= WEAK_LAPSES || retrievability(card, now) < WEAK_RECALL) return 3;
  return 0;
}

/** Splits `total` over keys as evenly as `available` allows (largest weights first on ties). */
export function fairShares<K extends string>(
  total: number,
  weights: Record<K, number>,
  available: Record<K, number>,
): Record<K, number> {
  const keys = (Object.keys(weights) as K[]).filter((k) => weights[k] > 0 && available[k] > 0);
  const shares = Object.fromEntries((Object.keys(weights) as K[]).map((k) => [k, 0])) as Record<K, number>;
  let left = total;
  let open = keys;
  // Hand out by weight; a key that hits its availability drops out and the rest share again.
  while (left > 0 && open.length > 0) {
    const weightSum = open.reduce((s, k) => s + weights[k], 0);
    const exact = open.map((k) => ({ k, x: (left * weights[k]) / weightSum }));
    const floors = exact.map(({ k, x }) => ({ k, n: Math.min(Math.floor(x), available[k] - shares[k]), r: x % 1 }));
    let given = 0;
    for (const { k, n } of floors) {
      shares[k] += n;
      given += n;
    }
    // Largest remainders take the leftover units one each.
    const byRemainder = [...floors].sort((a, b) => b.r - a.r || weights[b.k] - weights[a.k]);
    for (const { k } of byRemainder) {
      if (given >= left) break;
      if (shares[k] < available[k]) {
        shares[k]++;
        given++;
      }
    }
    if (given === 0) break;
    left -= given;
    open = open.filter((k) => shares[k] < available[k]);
  }
  return shares;
}

function validate(config: MockConfig): string | undefined {
  if (config.topics.length === 0) return 'Choose at least one topic.';
  if (config.kinds.length === 0) return 'Choose at least one kind of question (concept, design or coding).';
  if (!Number.isInteger(config.count) || config.count < 1) return 'Ask for at least one question.';
  if (config.questionTiming === 'custom' && !(config.perQuestionSeconds > 0))
    return 'A per-question time of zero leaves no time to answer: set at least a few seconds or use each question’s own budget.';
  if (config.totalSeconds !== undefined && !(config.totalSeconds > 0))
    return 'A total time limit of zero leaves no time: set a limit in minutes or leave it empty for none.';
  return undefined;
}

export function buildMockSet(
  questions: readonly QuestionSummary[],
  cards: ReadonlyMap<string, CardState>,
  config: MockConfig,
  seed: number,
  now: number,
): MockSetResult {
  const problem = validate(config);
  if (problem) return { ok: false, message: problem };

  const anyDifficulty = DIFFICULTIES.every((d) => !(config.difficultyMix[d] > 0));
  const topics = new Set(config.topics);
  const kinds = new Set(config.kinds);
  const pool = questions
    .filter(
      (q) => topics.has(q.topic) && kinds.has(q.kind) && (anyDifficulty || config.difficultyMix[q.difficulty] > 0),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (pool.length < config.count) {
    return {
      ok: false,
      message:
        pool.length === 0
          ? 'No question matches these topics, kinds and difficulties.'
          : `Only ${pool.length} ${pool.length === 1 ? 'question matches' : 'questions match'} these topics, kinds and difficulties: ask for at most ${pool.length}.`,
    };
  }

  const rng = xoroshiro128plus(seed | 0);
  const tieBreak = new Map(pool.map((q) => [q.id, uniformFloat64(rng)]));
  const countBy = <K extends string>(keyOf: (q: QuestionSummary) => K, keys: readonly K[]) => {
    const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const q of pool) counts[keyOf(q)]++;
    return counts;
  };
  const even = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 1])) as Record<K, number>;

  const topicTargets = fairShares(
    config.count,
    even(config.topics),
    countBy((q) => q.topic, config.topics),
  );
  const kindTargets = fairShares(
    config.count,
    even(config.kinds),
    countBy((q) => q.kind, config.kinds),
  );
  const difficultyTargets = anyDifficulty
    ? undefined
    : fairShares(
        config.count,
        config.difficultyMix,
        countBy((q) => q.difficulty, DIFFICULTIES),
      );

  const picked: QuestionSummary[] = [];
  const remaining = new Set(pool);
  const score = (q: QuestionSummary) =>
    (topicTargets[q.topic] > 0 ? 1000 : 0) +
    (kindTargets[q.kind as Kind] > 0 ? 100 : 0) +
    (difficultyTargets && difficultyTargets[q.difficulty as Difficulty] > 0 ? 50 : 0) +
    10 * questionPriority(cards.get(q.id), now) +
    (tieBreak.get(q.id) ?? 0);
  while (picked.length < config.count) {
    let best: QuestionSummary | undefined;
    let bestScore = -1;
    for (const q of remaining) {
      const s = score(q);
      if (s > bestScore) {
        best = q;
        bestScore = s;
      }
    }
    if (!best) break;
    picked.push(best);
    remaining.delete(best);
    topicTargets[best.topic]--;
    kindTargets[best.kind]--;
    if (difficultyTargets) difficultyTargets[best.difficulty]--;
  }

  // Warm up with concepts, then code, then design, as an interview loop usually runs.
  const kindOrder = (k: Kind) => PRESENTATION_RANK[k];
  const ordered = picked
    .map((q, i) => ({ q, i }))
    .sort((a, b) => kindOrder(a.q.kind) - kindOrder(b.q.kind) || a.i - b.i)
    .map(({ q }) => q);
  return {
    ok: true,
    items: ordered.map((q) => ({
      questionId: q.id,
      topic: q.topic,
      kind: q.kind,
      difficulty: q.difficulty,
      budgetSeconds:
        config.questionTiming === 'own' ? q.time : config.questionTiming === 'custom' ? config.perQuestionSeconds : 0,
      answer: '',
      flagged: false,
      visits: [],
      assessment: { covered: [] },
    })),
  };
}
