import { FollowUpList } from '../ui/follow-up-list';
import 'katex/dist/katex.min.css';
import './bank.css';
import { lazy, Suspense, use, useState } from 'react';
import { Link } from 'wouter';
import { useProgressService } from '../service/use-progress';
import { RATING_NAMES, RATINGS, type Rating } from '../srs/types';
import { Badge } from '../ui/badge';
import { formatBudget } from '../ui/format-duration';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import { loadBankIndex, loadQuestion } from './bank-data';
import { groupByTopic } from './filter-questions';
import type { Question, QuestionSummary } from './types';

// The design round (phased clock, whiteboard, recorder) loads only on design questions.
const DesignPracticeView = lazy(() =>
  import('../design/design-practice-view').then((m) => ({ default: m.DesignPracticeView })),
);

export default function QuestionScreen({ id }: { id: string }) {
  const question = use(loadQuestion(id));
  const { topics, questions } = use(loadBankIndex());
  if (!question) return <MissingQuestion id={id} />;
  const topic = topics.find((t) => t.id === question.topic);
  // Previous and next in the bank's own order for this topic, so a user can work through it.
  const [group] = topic ? groupByTopic([topic], questions, {}) : [];
  const list = group?.questions ?? [];
  const at = list.findIndex((q) => q.id === question.id);
  const neighbours = { previous: at > 0 ? list[at - 1] : undefined, next: at >= 0 ? list[at + 1] : undefined };
  // Keyed by id so moving to another question starts with its answer hidden again.
  return (
    <QuestionView
      key={question.id}
      question={question}
      topicTitle={topic?.title ?? question.topic}
      neighbours={neighbours}
    />
  );
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

interface Neighbours {
  previous?: QuestionSummary;
  next?: QuestionSummary;
}

export function QuestionView({
  question,
  topicTitle,
  neighbours = {},
}: {
  question: Question;
  topicTitle: string;
  neighbours?: Neighbours;
}) {
  usePageTitle(question.title);
  const [hintsShown, setHintsShown] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [shownAt] = useState(() => Date.now());
  const [graded, setGraded] = useState<string>();
  const openService = useProgressService();
  const grade = async (rating: Rating) => {
    try {
      await (await openService()).recordGrade(question.id, rating, 'review', Date.now() - shownAt);
      setGraded(`Recorded as ${RATING_NAMES[rating]} in your review schedule.`);
    } catch (error) {
      setGraded(`Not recorded: ${(error as Error).message}`);
    }
  };

  return (
    <article className={question.kind === 'design' ? 'page question design-question' : 'page narrow question'}>
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
      <h1 className="question-title-h">{question.title}</h1>
      <RichHtml html={question.promptHtml} className="prompt" />
      {question.drill && (
        <p className="muted">
          Write <code>{question.drill.python.signature}</code> (Python) or{' '}
          <code>{question.drill.typescript.signature}</code> (TypeScript).{' '}
          <Link href={`/drills/${question.id}`}>Open it in the drill editor</Link>
        </p>
      )}
      {question.sqlDrill && (
        <p className="muted">
          A SQL query on Postgres. <Link href={`/drills/${question.id}`}>Open it in the drill editor</Link>
        </p>
      )}

      {question.kind === 'design' && (
        <Suspense fallback={<p className="muted">Loading the design round…</p>}>
          <DesignPracticeView question={question} onFinished={() => setRevealed(true)} />
        </Suspense>
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
          <section aria-labelledby="grade-heading" className="card self-grade">
            <h2 id="grade-heading">How did you do?</h2>
            {graded ? (
              <p role="status">{graded}</p>
            ) : (
              <div className="actions">
                {RATINGS.map((rating) => (
                  <button key={rating} type="button" className="button" onClick={() => void grade(rating)}>
                    {RATING_NAMES[rating]}
                  </button>
                ))}
              </div>
            )}
          </section>
        </div>
      )}
      <nav aria-label="More questions in this topic" className="question-pager">
        {neighbours.previous && (
          <Link href={`/q/${neighbours.previous.id}`} className="button ghost">
            ← {neighbours.previous.title}
          </Link>
        )}
        {neighbours.next && (
          <Link href={`/q/${neighbours.next.id}`} className="button ghost">
            {neighbours.next.title} →
          </Link>
        )}
      </nav>
    </article>
  );
}
