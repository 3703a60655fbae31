/** The report of a finished mock: scores per question and topic, the weakest topics, and the answers. */
import { lazy, Suspense, use } from 'react';
import { Link } from 'wouter';
import { loadBankIndex, loadQuestion } from '../bank/bank-data';
import { mockDrawingScope } from '../design/drawing-repository';
import { RATING_NAMES } from '../srs/types';
import { DataTable } from '../ui/data-table';
import { RichHtml } from '../ui/rich-html';
import { AnswerMedia, DesignRoundSummary } from './lazy-design-parts';
import { formatClock } from './mock-clock';
import { buildMockReport, type QuestionReport } from './mock-report';
import type { MockSession } from './mock-types';

// Peer review (export, grades back) loads with the report, not with the mock it follows.
const PeerReviewPanel = lazy(() => import('./peer-grades').then((m) => ({ default: m.PeerReviewPanel })));

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ReportView({ session }: { session: MockSession }) {
  const { topics } = use(loadBankIndex());
  const report = buildMockReport(session);
  const titleOf = (id: string) => topics.find((t) => t.id === id)?.title ?? id;
  const weakIds = report.weakest.map((t) => t.topic).join(',');
  return (
    <div className="page mock-report">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/mock">Mock interviews</Link>
      </nav>
      <h1>{session.config.title}: report</h1>
      <div className="score-row">
        <p className="big-score">
          <span className="visually-hidden">Overall score: </span>
          <strong>{report.score}</strong>
          <span className="muted"> / 100</span>
        </p>
        <p className="muted">
          {report.questions.length} questions{report.skipped > 0 && ` · Skipped: ${report.skipped}`} ·{' '}
          {formatClock(report.usedMs)} used · {new Date(session.createdAt).toLocaleString()}
        </p>
      </div>

      <section aria-labelledby="weak-heading" className="card">
        <h2 id="weak-heading">Weakest topics in this mock</h2>
        {report.weakest.length === 0 ? (
          <p>
            No answered topic scored under 70.{' '}
            {report.skipped > 0 ? 'Skipped questions are not counted here; they come back in review.' : 'Well done.'}
          </p>
        ) : (
          <>
            <ul>
              {report.weakest.map((t) => (
                <li key={t.topic}>
                  {titleOf(t.topic)}: {t.score} / 100
                </li>
              ))}
            </ul>
            <div className="actions">
              <Link href={`/review?topic=${weakIds}`} className="button primary">
                Review these
              </Link>
              <Link href={`/mock?topics=${weakIds}`} className="button">
                Mock these again
              </Link>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">By topic</h2>
        <DataTable
          columns={['Topic', 'Questions', 'Score']}
          rows={report.topics.map((t) => ({
            key: t.topic,
            cells: [
              titleOf(t.topic),
              t.skipped > 0 ? `${t.questions} (${t.skipped} skipped)` : t.questions,
              t.score === undefined ? 'skipped' : <ScoreBar key="score" score={t.score} />,
            ],
          }))}
        />
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">By question</h2>
        <DataTable
          // A mock without coding questions has no Tests column: it would be empty on every row.
          columns={['#', 'Topic', 'Time used / budget', 'Rubric', ...(report.hasCoding ? ['Tests'] : []), 'Grade']}
          rows={report.questions.map((q) => ({
            key: q.item.questionId,
            className: q.overtimeMs > 0 ? 'overtime' : undefined,
            cells: [
              q.index + 1,
              titleOf(q.item.topic),
              `${formatClock(q.usedMs)}${q.budgetMs > 0 ? ` / ${formatClock(q.budgetMs)}` : ''}${q.overtimeMs > 0 ? ` (over by ${formatClock(q.overtimeMs)})` : ''}`,
              q.skipped ? 'skipped' : pct(q.coverage),
              ...(report.hasCoding ? [testsCell(q)] : []),
              q.item.assessment.rating ? RATING_NAMES[q.item.assessment.rating] : '—',
            ],
          }))}
        />
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Your answers</h2>
        {report.questions.map((q) => (
          <AnswerDetails key={q.item.questionId} report={q} mockId={session.id} />
        ))}
      </section>

      <Suspense fallback={null}>
        <PeerReviewPanel session={session} />
      </Suspense>

      <div className="actions">
        <Link href="/mock" className="button primary">
          New mock
        </Link>
        <Link href="/review" className="button">
          Go to review
        </Link>
      </div>
    </div>
  );
}

function testsCell({ item }: QuestionReport): string {
  if (item.kind !== 'coding') return '';
  return item.drill ? `${item.drill.passed}/${item.drill.total}` : '—';
}

/** A score out of 100 with a bar drawn beside it. */
export function ScoreBar({ score }: { score: number }) {
  return (
    <>
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${score}%` }} />
      </span>
      {score}
    </>
  );
}

function AnswerDetails({ report, mockId }: { report: QuestionReport; mockId: string }) {
  const question = use(loadQuestion(report.item.questionId));
  const { item } = report;
  const code = item.code?.sources[item.code.language];
  return (
    <details className="card answer-details">
      <summary>
        Question {report.index + 1}: {question?.title ?? item.questionId}
        {report.skipped && ' (skipped)'}
      </summary>
      {question && <RichHtml html={question.promptHtml} className="prompt" />}
      <h3>Your answer</h3>
      <pre className={item.kind === 'coding' ? 'typed-answer code' : 'typed-answer'}>
        {(item.kind === 'coding' ? code : item.answer.trim()) || '(no answer)'}
      </pre>
      <Suspense fallback={null}>
        <AnswerMedia scope={mockDrawingScope(mockId, report.index)} />
      </Suspense>
      {question && (
        <>
          <h3>Model answer</h3>
          {question.drill && <RichHtml html={question.drill.python.solutionHtml} />}
          <RichHtml html={question.answerHtml} />
          <h3>Rubric</h3>
          <ul className="rubric-result">
            {question.rubric.map((point, i) => (
              <li key={point}>
                <span aria-hidden="true">{item.assessment.covered[i] ? '✓' : '✗'}</span>
                <span className="visually-hidden">{item.assessment.covered[i] ? 'Covered: ' : 'Missed: '}</span>
                <RichHtml as="span" html={point} />
              </li>
            ))}
          </ul>
          {item.kind === 'design' && (
            <Suspense fallback={null}>
              <DesignRoundSummary
                question={question}
                round={item.design}
                budgetSeconds={item.budgetSeconds}
                usedMs={report.usedMs}
                covered={item.assessment.covered}
              />
            </Suspense>
          )}
        </>
      )}
      <p>
        <Link href={`/q/${item.questionId}`}>Open this question</Link>
      </p>
    </details>
  );
}
