import { FollowUpList } from '../ui/follow-up-list';
import 'katex/dist/katex.min.css';
import { use, useState } from 'react';
import { Link } from 'wouter';
import { Badge } from '../ui/badge';
import { formatBudget } from '../ui/format-duration';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import { loadBankIndex, loadQuestion } from './bank-data';
import type { Question } from './types';

export default function QuestionScreen({ id }: { id: string }) {
  const question = use(loadQuestion(id));
  const { topics } = use(loadBankIndex());
  if (!question) return <MissingQuestion id={id} />;
  const topic = topics.find((t) => t.id === question.topic);
  // Keyed by id so moving to another question starts with its answer hidden again.
  return <QuestionView key={question.id} question={question} topicTitle={topic?.title ?? question.topic} />;
}

function MissingQuestion({ id }: { id: string }) {
  usePageTitle('Question not found');
  return (
    <section className="page narrow">
      <h1>Question not found</h1>
      <p>
        There is no question with the id <code>{id}</code>. It may have been renamed.
      </p>
      <Link href="/bank" className="button">
        Browse the question bank
      </Link>
    </section>
  );
}

export function QuestionView({ question, topicTitle }: { question: Question; topicTitle: string }) {
  usePageTitle(question.title);
  const [hintsShown, setHintsShown] = useState(0);
  const [revealed, setRevealed] = useState(false);

  return (
    <article className="page narrow question">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/bank">Question bank</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/bank?topic=${question.topic}`}>{topicTitle}</Link>
      </nav>
      <div className="question-meta">
        <Badge tone={question.difficulty}>{question.difficulty}</Badge>
        <Badge>{question.kind}</Badge>
        <span className="muted">Time budget {formatBudget(question.time)}</span>
      </div>
      <h1 className="visually-hidden">Question</h1>
      <RichHtml html={question.promptHtml} className="prompt" />
      {question.drill && (
        <p className="muted">
          Write <code>{question.drill.python.signature}</code> (Python) or{' '}
          <code>{question.drill.typescript.signature}</code> (TypeScript).{' '}
          <Link href={`/drills/${question.id}`}>Open it in the drill editor</Link>
        </p>
      )}

      {question.hints.length > 0 && (
        <section aria-label="Hints" className="hints">
          {question.hints.slice(0, hintsShown).map((hint, i) => (
            <div key={hint} className="hint">
              <strong>Hint {i + 1}.</strong> <RichHtml as="span" html={hint} />
            </div>
          ))}
          {hintsShown < question.hints.length && !revealed && (
            <button type="button" className="button ghost" onClick={() => setHintsShown(hintsShown + 1)}>
              Show hint {hintsShown + 1} of {question.hints.length}
            </button>
          )}
        </section>
      )}

      {!revealed ? (
        <button type="button" className="button primary" onClick={() => setRevealed(true)}>
          Show answer
        </button>
      ) : (
        <div className="reveal">
          <section aria-labelledby="answer-heading">
            <h2 id="answer-heading">Model answer</h2>
            <RichHtml html={question.answerHtml} />
          </section>
          {question.drill && (
            <section aria-labelledby="solution-heading">
              <h2 id="solution-heading">Reference solution (Python)</h2>
              <RichHtml html={question.drill.python.solutionHtml} />
            </section>
          )}
          <section aria-labelledby="rubric-heading">
            <h2 id="rubric-heading">Rubric: what a strong answer covers</h2>
            <ul className="rubric">
              {question.rubric.map((point) => (
                <RichHtml as="li" key={point} html={point} />
              ))}
            </ul>
          </section>
          {question.followUps.length > 0 && (
            <section aria-labelledby="followups-heading">
              <h2 id="followups-heading">Follow-up questions</h2>
              <FollowUpList followUps={question.followUps} />
            </section>
          )}
        </div>
      )}
    </article>
  );
}
