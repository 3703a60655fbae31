import 'katex/dist/katex.min.css';
import './review.css';
import { lazy, Suspense, use, useCallback, useEffect, useId, useRef } from 'react';
import { Link, useSearch } from 'wouter';
import { TopicSelect } from '../bank/question-list';
import { SpeakToggle } from '../design/answer-aloud';
import { useProgressService } from '../service/use-progress';
import { dueToday } from '../srs/due-today';
import { describeWhen } from '../srs/format-interval';
import { RATING_NAMES, RATINGS, type Rating } from '../srs/types';
import { Badge } from '../ui/badge';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import { GradeButtons } from './grade-buttons';
import { ReviewStoreProvider, useReview, useReviewStoreApi } from './review-store-context';

// The code workspace (Monaco, runners) loads only when a coding card comes up.
const CodingCard = lazy(() => import('./coding-card'));

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The keys, written once: the shortcut sheet shows this list. */
const REVIEW_KEYS: [string, string][] = [
  ['Space', 'Show the answer'],
  ['1 2 3 4', 'Grade: Again, Hard, Good, Easy'],
  ['Z', 'Undo the last grading'],
  ['Shift+Z', 'Redo the grading you undid'],
  ['Ctrl/Cmd+Enter', 'Coding card: run the visible tests'],
  ['Ctrl/Cmd+Shift+Enter', 'Coding card: submit (the tests propose a grade)'],
  ['?', 'Show or hide this list'],
];

/**
 * Anki's keys: Space reveals, 1-4 grade, z or Ctrl/Cmd+Z undoes, Shift+Z or Ctrl/Cmd+Shift+Z
 * redoes; ? opens the list of keys. Keys typed into a field or the code editor are left alone.
 */
function useReviewKeys(toggleSheet: () => void) {
  const api = useReviewStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        toggleSheet();
        return;
      }
      const store = api.getState();
      if (event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void (event.shiftKey ? store.redoGrade() : store.undo());
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (event.key === ' ' && !store.revealed && store.currentId && !store.isCoding(store.currentId)) {
        // Space on a focused button would also click it; reveal exactly once.
        event.preventDefault();
        store.reveal();
      } else if (store.revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        void store.grade(Number(event.key) as Rating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleSheet, api]);
}

function ShortcutSheet({ dialog }: { dialog: React.RefObject<HTMLDialogElement | null> }) {
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keyboard shortcuts</h2>
      <dl className="key-list">
        {REVIEW_KEYS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}

/** The review screen with the app's store; tests render ReviewPage inside their own ReviewStoreProvider. */
export default function ReviewScreen() {
  return (
    <ReviewStoreProvider>
      <ReviewPage />
    </ReviewStoreProvider>
  );
}

export function ReviewPage() {
  usePageTitle('Review');
  const api = useReviewStoreApi();
  const search = useSearch();
  const topicFromUrl = new URLSearchParams(search).get('topic') ?? undefined;
  const status = useReview((s) => s.status);
  const error = useReview((s) => s.error);
  const load = useReview((s) => s.load);
  const coding = useReview((s) => !!s.currentId && s.isCoding(s.currentId));

  useEffect(() => {
    void load(topicFromUrl);
  }, [load, topicFromUrl]);
  // Another tab (or a grade from elsewhere) changed reviews or settings: refresh so this tab never grades a stale card.
  const openService = useProgressService();
  useEffect(() => {
    let stop = () => {};
    let left = false;
    void openService().then((service) => {
      if (left) return;
      stop = service.onChange((change) => {
        if (change.kinds.includes('reviews') || change.kinds.includes('settings')) void api.getState().refresh();
      });
    });
    return () => {
      left = true;
      stop();
    };
  }, [api, openService]);
  // Learning cards fall due while the screen is open.
  useEffect(() => {
    const timer = setInterval(() => void api.getState().refresh(), 30_000);
    return () => clearInterval(timer);
  }, [api]);
  const sheet = useRef<HTMLDialogElement>(null);
  const toggleSheet = useCallback(() => {
    const dialog = sheet.current;
    if (!dialog) return;
    if (dialog.open) dialog.close();
    else dialog.showModal();
  }, []);
  useReviewKeys(toggleSheet);

  return (
    // A coding card needs the room of the drill page; prose reads best in a narrow column.
    <div className={`page review${coding && status === 'ready' ? ' review-coding' : ' narrow'}`}>
      <ReviewHeader />
      <ShortcutSheet dialog={sheet} />
      <p className="muted small key-hint">
        Keys: Space shows the answer, 1–4 grade, Z undoes, Shift+Z redoes.{' '}
        <button type="button" className="link-button" onClick={toggleSheet}>
          All shortcuts (?)
        </button>
      </p>
      {status === 'error' && (
        <div role="alert" className="alert">
          <p>Your progress could not be opened: {error}</p>
        </div>
      )}
      {(status === 'loading' || status === 'idle') && <Loading label="Loading your review queue…" />}
      {status === 'ready' && <ReviewBody />}
    </div>
  );
}

function ReviewHeader() {
  const topicSelectId = useId();
  const topics = useReview((s) => s.topics);
  const topic = useReview((s) => s.topic);
  const setTopic = useReview((s) => s.setTopic);
  const queue = useReview((s) => s.queue);
  const cards = useReview((s) => s.cards);
  const settings = useReview((s) => s.settings);
  const questions = useReview((s) => s.questions);
  const todayReviews = useReview((s) => s.todayReviews);
  const done = queue?.doneToday ?? 0;
  const left = queue?.ids.length ?? 0;
  // The same "due today" as Home and Progress: learning cards due later today count (as in Anki).
  const due = settings
    ? dueToday({ now: Date.now(), settings, cards, questions, todayReviews, topic })
    : { learning: 0, review: 0, total: 0 };
  const fresh = queue?.newCount ?? 0;
  return (
    <div className="review-head">
      <div>
        <h1>Review</h1>
        <p className="muted progress-text">
          <span className="count-due">{due.total} due today</span> (
          <span className="count-learning">{due.learning} learning</span>,{' '}
          <span className="count-review">{due.review} review</span>) · <span className="count-new">{fresh} new</span> ·{' '}
          <span>{done} done today</span>
        </p>
      </div>
      <div className="field">
        <label htmlFor={topicSelectId}>Topic</label>
        <TopicSelect id={topicSelectId} topics={topics} value={topic} onChange={(next) => void setTopic(next)} />
      </div>
      <progress className="review-progress" aria-label="Today's progress" max={Math.max(1, done + left)} value={done} />
    </div>
  );
}

function ReviewBody() {
  const currentId = useReview((s) => s.currentId);
  const notice = useReview((s) => s.notice);
  const dismissNotice = useReview((s) => s.dismissNotice);
  return (
    <>
      {notice && (
        <div role="alert" className="alert">
          <p>{notice}</p>
          <button type="button" className="button small ghost" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      <UndoBar />
      {currentId ? (
        <Suspense fallback={<Loading label="Loading the card…" />}>
          <ReviewCard key={currentId} id={currentId} />
        </Suspense>
      ) : (
        <DoneForToday />
      )}
    </>
  );
}

function ReviewCard({ id }: { id: string }) {
  const loadQuestion = useReview((s) => s.loadQuestion);
  const question = use(loadQuestion(id));
  const revealed = useReview((s) => s.revealed);
  const reveal = useReview((s) => s.reveal);
  const card = useReview((s) => s.cards.get(id));

  if (!question) return <p className="alert">This card's question is no longer in the bank.</p>;
  if (question.drill || question.sqlDrill) {
    return (
      <Suspense fallback={<Loading label="Loading the code workspace…" />}>
        <CodingCard question={question} phase={card ? card.phase : 'new'} />
      </Suspense>
    );
  }
  return (
    <article className="review-card card" aria-label="Card">
      <div className="question-meta">
        <Badge tone={card ? 'neutral' : 'new'}>{card ? card.phase : 'new'}</Badge>
        <Badge tone={question.difficulty}>{question.difficulty}</Badge>
        <Badge>{question.kind}</Badge>
      </div>
      <RichHtml html={question.promptHtml} className="prompt" />
      {/* Saying the answer aloud before revealing is how interviews test it; kept until the next recording. */}
      <SpeakToggle key={id} scope={`review:${id}`} />
      {!revealed ? (
        <button type="button" className="button primary wide" onClick={reveal}>
          Show answer <kbd>Space</kbd>
        </button>
      ) : (
        <>
          <section aria-labelledby="review-answer" className="review-answer">
            <h2 id="review-answer">Model answer</h2>
            <RichHtml html={question.answerHtml} />
            <h3>Rubric</h3>
            <ul className="rubric">
              {question.rubric.map((point) => (
                <RichHtml as="li" key={point} html={point} />
              ))}
            </ul>
          </section>
          <GradeButtons legend="Grade your answer" />
        </>
      )}
      <p className="muted small">
        <Link href={`/q/${id}`}>Open this question</Link>
      </p>
    </article>
  );
}

function DoneForToday() {
  const queue = useReview((s) => s.queue);
  const topic = useReview((s) => s.topic);
  const todayReviews = useReview((s) => s.todayReviews);
  const counts = RATINGS.map((r) => todayReviews.filter((x) => x.rating === r).length);
  const now = Date.now();
  return (
    <section className="card done" aria-labelledby="done-heading">
      <h2 id="done-heading">{topic ? 'Nothing left in this topic today' : 'All done for today'}</h2>
      <p>
        You graded {queue?.doneToday ?? 0} card{queue?.doneToday === 1 ? '' : 's'} today
        {todayReviews.length > 0 && ` (${RATINGS.map((r, i) => `${counts[i]} ${RATING_NAMES[r]}`).join(', ')})`}.
      </p>
      <p>
        {queue?.nextDue !== undefined
          ? `The next card is due ${describeWhen(queue.nextDue, now)}.`
          : 'No card is scheduled yet: new cards arrive tomorrow.'}
      </p>
      <h3>What next</h3>
      <div className="actions">
        <Link href="/" className="button primary">
          Today's plan
        </Link>
        <Link href="/drills" className="button">
          A coding drill
        </Link>
        <Link href="/mock" className="button">
          A timed mock
        </Link>
        <Link href="/bank" className="button ghost">
          Browse the question bank
        </Link>
      </div>
    </section>
  );
}

/** Undo, and after an undo what it undid with a Redo; the status line is always in the page so it is announced. */
function UndoBar() {
  const canUndo = useReview((s) => s.undoStack.length > 0);
  const undo = useReview((s) => s.undo);
  const redo = useReview((s) => s.redo);
  const redoGrade = useReview((s) => s.redoGrade);
  const message = useReview((s) => s.message);
  const busy = useReview((s) => s.busy);
  return (
    <div className="undo-bar">
      <p role="status" aria-live="polite" className="undo-status">
        {message}
      </p>
      {redo && (
        <button type="button" className="button small" onClick={() => void redoGrade()} disabled={busy}>
          Redo {RATING_NAMES[redo.rating]} <kbd>Shift+Z</kbd>
        </button>
      )}
      {canUndo && (
        <button type="button" className="button ghost small" onClick={() => void undo()} disabled={busy}>
          Undo last grading <kbd>Z</kbd>
        </button>
      )}
    </div>
  );
}
