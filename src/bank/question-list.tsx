import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Badge } from '../ui/badge';
import { formatBudget } from '../ui/format-duration';
import type { QuestionSummary, Topic } from './types';

/** A list of questions, each a link with its title, the start of its prompt, difficulty, kind and time budget. */
export function QuestionList({
  questions,
  hrefFor,
  extra,
}: {
  questions: QuestionSummary[];
  hrefFor: (id: string) => string;
  /** More to show per question (a drill's status). */
  extra?: (q: QuestionSummary) => ReactNode;
}) {
  return (
    <ul className="question-list">
      {questions.map((q) => (
        <li key={q.id}>
          <Link href={hrefFor(q.id)} className="question-link">
            <span className="question-title">{q.title}</span>
            <span className="question-meta">
              {extra?.(q)}
              <Badge tone={q.difficulty}>{q.difficulty}</Badge>
              {q.kind !== 'coding' && <Badge>{q.kind}</Badge>}
              <span className="muted">{formatBudget(q.time)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A topic picker with an "All topics" choice (empty value); a comma-separated value shows as a set of topics. */
export function TopicSelect({
  id,
  topics,
  value,
  onChange,
}: {
  id: string;
  topics: Topic[];
  value: string | undefined;
  onChange: (topic: string | undefined) => void;
}) {
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">All topics</option>
      {value?.includes(',') && <option value={value}>{value.split(',').length} chosen topics</option>}
      {topics.map((t) => (
        <option key={t.id} value={t.id}>
          {t.title}
        </option>
      ))}
    </select>
  );
}
