import 'katex/dist/katex.min.css';
import './workspace.css';
import { use, useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { loadQuestion } from '../bank/bank-data';
import type { DrillLanguage, Question } from '../bank/types';
import { useProgressService } from '../service/use-progress';
import { RATING_NAMES } from '../srs/types';
import { Badge } from '../ui/badge';
import { formatElapsed } from '../ui/format-duration';
import { RichHtml } from '../ui/rich-html';
import { useNow } from '../ui/use-now';
import { usePageTitle } from '../ui/use-page-title';
import { draftStore } from './app-drafts';
import { DRILL_GRADE_RULE, drillRating } from './drill-grade';
import { DRILL_STATUS_LABELS } from './drill-status';
import { DrillSignatures, DrillWork, preloadEditor, type SubmitResult } from './drill-work';
import { HintsAndSolution } from './hints-and-solution';
import { SqlTables, SqlWork } from './sql-work';
import { useDrillProgress } from './use-drill-progress';

// The editor is this screen's heaviest part: ask for it as soon as the screen's code arrives.
preloadEditor();

export default function DrillScreen({ id }: { id: string }) {
  const question = use(loadQuestion(id));
  usePageTitle(question ? `Drill: ${question.title}` : 'Drill not found');
  if (!question || (!question.drill && !question.sqlDrill)) {
    return (
      <section className="page narrow">
        <h1>Drill not found</h1>
        <p>
          There is no coding drill with the id <code>{id}</code>.
        </p>
        <Link href="/drills" className="button">
          All drills
        </Link>
      </section>
    );
  }
  return <DrillWorkspace key={question.id} question={question} />;
}

/** Ticks once a second in its own component, so the rest of the page does not re-render with it. */
function ElapsedTime({ startedAt }: { startedAt: number }) {
  const now = useNow(1000);
  return (
    <span className="timer" role="timer" aria-label="Time spent on this drill">
      Time {formatElapsed(now - startedAt)}
    </span>
  );
}

function DrillStatusBadge({ id }: { id: string }) {
  const ids = useMemo(() => [id], [id]);
  const progress = useDrillProgress(ids);
  if (progress.state !== 'ready') return null;
  const status = progress.progress.get(id)?.status ?? 'new';
  return (
    <Badge tone={status === 'solved' ? 'easy' : status === 'due' ? 'medium' : undefined}>
      {DRILL_STATUS_LABELS[status]}
    </Badge>
  );
}

function DrillWorkspace({ question }: { question: Question }) {
  const { drill, sqlDrill } = question;
  const [hintsShown, setHintsShown] = useState(0);
  const [hiddenNotesShown, setHiddenNotesShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const [startedAt] = useState(() => Date.now());
  const [draftError, setDraftError] = useState<string>();
  const onDraftSaved = useCallback(
    (error: Error | undefined) =>
      setDraftError(error ? `Your draft is not saved: ${error.message} Your code stays in the editor.` : undefined),
    [],
  );
  const openService = useProgressService();
  const store = useMemo(
    () => draftStore<DrillLanguage>(question.id, onDraftSaved, openService),
    [question.id, onDraftSaved, openService],
  );
  const sqlStore = useMemo(
    () => draftStore<'sql'>(question.id, onDraftSaved, openService),
    [question.id, onDraftSaved, openService],
  );

  const recordReview = useCallback(
    async ({ allPassed }: SubmitResult) => {
      const rating = drillRating(allPassed, hintsShown + hiddenNotesShown, solutionShown);
      try {
        await (await openService()).recordGrade(question.id, rating, 'drill', Date.now() - startedAt);
        return `Recorded in your review schedule as ${RATING_NAMES[rating]}.`;
      } catch (error) {
        return `Not recorded: ${(error as Error).message}`;
      }
    },
    [hintsShown, hiddenNotesShown, solutionShown, question.id, startedAt, openService],
  );

  const brief = (
    <section className="drill-brief" aria-labelledby="drill-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/drills">Coding drills</Link>
      </nav>
      <h1 id="drill-title" className="drill-title">
        {question.title}
      </h1>
      <div className="question-meta">
        <Badge tone={question.difficulty}>{question.difficulty}</Badge>
        <DrillStatusBadge id={question.id} />
        <span className="muted">Budget {Math.round(question.time / 60)} min</span>
        <ElapsedTime startedAt={startedAt} />
      </div>
      <RichHtml html={question.promptHtml} className="drill-prompt" />
      {drill && <DrillSignatures drill={drill} />}
      {sqlDrill && <SqlTables drill={sqlDrill} />}
      <HintsAndSolution
        question={question}
        hintsShown={hintsShown}
        onShowHint={() => setHintsShown(hintsShown + 1)}
        solutionShown={solutionShown}
        onShowSolution={() => setSolutionShown(true)}
      />
      <p className="muted small">{DRILL_GRADE_RULE}</p>
      <p className="muted small">
        Ctrl/Cmd+Enter runs the visible tests, Ctrl/Cmd+Shift+Enter submits. In the editor, Ctrl+M lets Tab move focus
        out.
      </p>
    </section>
  );

  return (
    <div className="drill-page">
      {drill && (
        <DrillWork
          drill={drill}
          store={store}
          onSubmitted={recordReview}
          alert={draftError}
          brief={brief}
          onHintUsed={() => setHiddenNotesShown((n) => n + 1)}
        />
      )}
      {sqlDrill && (
        <SqlWork
          drill={sqlDrill}
          store={sqlStore}
          onSubmitted={recordReview}
          alert={draftError}
          brief={brief}
          onHintUsed={() => setHiddenNotesShown((n) => n + 1)}
        />
      )}
    </div>
  );
}
