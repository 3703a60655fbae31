/**
 * The order new cards are introduced: topics take turns (so a day's new cards span the
 * syllabus), and within a topic easier questions come first.
 */
const RANK = { easy: 0, medium: 1, hard: 2 } as const;

export function newCardOrder<Q extends { id: string; topic: string; difficulty: keyof typeof RANK }>(
  questions: readonly Q[],
  topicOrder: readonly string[],
): Q[] {
  const queues = topicOrder.map((topic) =>
    questions
      .filter((q) => q.topic === topic)
      .sort((a, b) => RANK[a.difficulty] - RANK[b.difficulty] || (a.id < b.id ? -1 : 1)),
  );
  const ordered: Q[] = [];
  for (let round = 0; ordered.length < questions.length; round++) {
    let any = false;
    for (const queue of queues) {
      if (round < queue.length) {
        ordered.push(queue[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return ordered;
}
