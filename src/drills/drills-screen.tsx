import { use } from 'react';
import { Link } from 'wouter';
import { loadBankIndex } from '../bank/bank-data';
import { groupByTopic } from '../bank/filter-questions';
import { Badge } from '../ui/badge';
import { formatBudget } from '../ui/format-duration';
import { usePageTitle } from '../ui/use-page-title';

export default function DrillsScreen() {
  usePageTitle('Coding drills');
  const { topics, questions } = use(loadBankIndex());
  const groups = groupByTopic(topics, questions, { kind: 'coding' });
  const total = groups.reduce((n, g) => n + g.questions.length, 0);
  return (
    <div className="page">
      <h1>Coding drills</h1>
      <p className="lead">
        {total} functions interviewers ask you to write from scratch, in Python or TypeScript, checked by visible and
        hidden tests. Everything runs in your browser.
      </p>
      {groups.map(({ topic, questions: inTopic }) => (
        <section key={topic.id} className="topic-group" aria-labelledby={`drills-${topic.id}`}>
          <h2 id={`drills-${topic.id}`}>
            {topic.title} <span className="count">{inTopic.length}</span>
          </h2>
          <ul className="question-list">
            {inTopic.map((q) => (
              <li key={q.id}>
                <Link href={`/drills/${q.id}`} className="question-link">
                  <span className="question-prompt">{q.promptText}</span>
                  <span className="question-meta">
                    <Badge tone={q.difficulty}>{q.difficulty}</Badge>
                    <span className="muted">{formatBudget(q.time)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
