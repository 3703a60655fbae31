import { use } from 'react';
import { loadBankIndex } from '../bank/bank-data';
import { groupByTopic } from '../bank/filter-questions';
import { QuestionList } from '../bank/question-list';
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
          <QuestionList questions={inTopic} hrefFor={(id) => `/drills/${id}`} />
        </section>
      ))}
    </div>
  );
}
