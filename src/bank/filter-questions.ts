/** Pure filtering, search and grouping of question summaries for the bank browser. */
import {
  DIFFICULTIES,
  type Difficulty,
  isDifficulty,
  isKind,
  type Kind,
  type QuestionSummary,
  type Topic,
} from './types';

export interface BankFilter {
  topic?: string;
  difficulty?: Difficulty;
  kind?: Kind;
  /** Free text; every word must appear in the title, the prompt, a tag, the topic or the id. */
  query?: string;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Question id to prompt text, loaded on demand for full-text search. */
export type PromptLookup = Readonly<Record<string, string>>;

export function matchesFilter(q: QuestionSummary, filter: BankFilter, prompts?: PromptLookup): boolean {
  if (filter.topic && q.topic !== filter.topic) return false;
  if (filter.difficulty && q.difficulty !== filter.difficulty) return false;
  if (filter.kind && q.kind !== filter.kind) return false;
  const words = normalise(filter.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const prompt = prompts?.[q.id] ?? q.promptText ?? '';
  const haystack = normalise(`${q.title} ${prompt} ${q.tags.join(' ')} ${q.id} ${q.topic}`);
  return words.every((word) => haystack.includes(word));
}

export interface TopicGroup {
  topic: Topic;
  questions: QuestionSummary[];
}

/** Groups matching questions by topic in the bank's topic order, easiest first; empty groups dropped. */
export function groupByTopic(
  topics: Topic[],
  questions: QuestionSummary[],
  filter: BankFilter,
  prompts?: PromptLookup,
): TopicGroup[] {
  return topics
    .map((topic) => ({
      topic,
      questions: questions
        .filter((q) => q.topic === topic.id && matchesFilter(q, filter, prompts))
        .sort(
          (a, b) => DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) || a.id.localeCompare(b.id),
        ),
    }))
    .filter((group) => group.questions.length > 0);
}

const FILTER_KEYS = ['topic', 'difficulty', 'kind', 'query'] as const;

/** The filter lives in the URL (?topic=&difficulty=&kind=&q=) so reload and back keep it. */
export function filterFromSearch(search: string): BankFilter {
  const params = new URLSearchParams(search);
  const filter: BankFilter = {};
  const topic = params.get('topic');
  const difficulty = params.get('difficulty');
  const kind = params.get('kind');
  const query = params.get('q');
  if (topic) filter.topic = topic;
  if (isDifficulty(difficulty)) filter.difficulty = difficulty;
  if (isKind(kind)) filter.kind = kind;
  if (query) filter.query = query;
  return filter;
}

export function searchFromFilter(filter: BankFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key === 'query' ? 'q' : key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
