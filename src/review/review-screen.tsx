import 'katex/dist/katex.min.css';
import { Suspense, use, useCallback, useEffect, useId, useRef } from 'react';
import { Link, useSearch } from 'wouter';
import { loadBankIndex, loadQuestion } from '../bank/bank-data';
import { TopicSelect } from '../bank/question-list';
import { dueToday } from '../srs/due-today';
import { describeWhen, formatInterval } from '../srs/format-interval';
import { RATING_NAMES, type Rating } from '../srs/types';
import { onProgressChange } from '../storage/sync-channel';
import { Badge } from '../ui/badge';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import { useIntervalPreview, useReviewStore } from './review-store';

const RATINGS: Rating[] = [1, 2, 3, 4];

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The keys, written once: the shortcut sheet shows this list. */
const REVIEW_KEYS: [string, string][] = [
  ['Space', 'Show the answer'],
  ['1 2 3 4', 'Grade: Again, Hard, Good, Easy'],
  ['Z', 'Undo the last grading'],
  ['?', 'Show or hide this list'],
];

/** Anki's keys: Space reveals, 1-4 grade, z or Ctrl/Cmd+Z undoes; ? opens the list of keys. */
function useReviewKeys(toggleSheet: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        toggleSheet();
        return;
      }
      const store = useReviewStore.getState();
      if (event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        void store.undo();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (event.key === ' ' && !store.revealed && store.currentId) {
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
  }, [toggleSheet]);
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

export default function ReviewScreen() {
  usePageTitle('Review');
  const search = useSearch();
  const topicFromUrl = new URLSearchParams(search).get('topic') ?? undefined;
  const status = useReviewStore((s) => s.status);
  const error = useReviewStore((s) => s.error);
  const load = useReviewStore((s) => s.load);

  useEffect(() => {
    void load(topicFromUrl);
  }, [load, topicFromUrl]);
  // Another tab graded or undid something: refresh so this tab never grades a stale card.
  useEffect(() => onProgressChange(() => void useReviewStore.getState().refresh()), []);
  // Learning cards fall due while the screen is open.
  useEffect(() => {
    const timer = setInterval(() => void useReviewStore.getState().refresh(), 30_000);
    return () => clearInterval(timer);
  }, []);
  const sheet = useRef<HTMLDialogElement>(null);
  const toggleSheet = useCallback(() => {
    const dialog = sheet.current;
    if (!dialog) return;
    if (dialog.open) dialog.close();
    else dialog.showModal();
  }, []);
  useReviewKeys(toggleSheet);

  return (
    <div className="page narrow review">
      <ReviewHeader />
      <ShortcutSheet dialog={sheet} />
      <p className="muted small key-hint">
        Keys: Space shows the answer, 1–4 grade, Z undoes.{' '}
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
  const { topics } = use(loadBankIndex());
  const topic = useReviewStore((s) => s.topic);
  const setTopic = useReviewStore((s) => s.setTopic);
  const queue = useReviewStore((s) => s.queue);
  const cards = useReviewStore((s) => s.cards);
  const settings = useReviewStore((s) => s.settings);
  const questions = useReviewStore((s) => s.questions);
  const todayReviews = useReviewStore((s) => s.todayReviews);
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
  const currentId = useReviewStore((s) => s.currentId);
  const notice = useReviewStore((s) => s.notice);
  const dismissNotice = useReviewStore((s) => s.dismissNotice);
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
      {currentId ? (
        <Suspense fallback={<Loading label="Loading the card…" />}>
          <ReviewCard key={currentId} id={currentId} />
        </Suspense>
      ) : (
        <DoneForToday />
      )}
      <UndoBar />
    </>
  );
}

function ReviewCard({ id }: { id: string }) {
  const question = use(loadQuestion(id));
  const revealed = useReviewStore((s) => s.revealed);
  const reveal = useReviewStore((s) => s.reveal);
  const grade = useReviewStore((s) => s.grade);
  const busy = useReviewStore((s) => s.busy);
  const card = useReviewStore((s) => s.cards.get(id));
  const preview = useIntervalPreview();
  const shownAt = useReviewStore((s) => s.shownAt);

  if (!question) return <p className="alert">This card's question is no longer in the bank.</p>;
  return (
    <article className="review-card card" aria-label="Card">
      <div className="question-meta">
        <Badge tone={card ? 'neutral' : 'new'}>{card ? card.phase : 'new'}</Badge>
        <Badge tone={question.difficulty}>{question.difficulty}</Badge>
        <Badge>{question.kind}</Badge>
      </div>
      <RichHtml html={question.promptHtml} className="prompt" />
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
          <fieldset className="grade-bar">
            <legend className="visually-hidden">Grade your answer</legend>
            {RATINGS.map((rating) => (
              <button
                key={rating}
                type="button"
                className={`button grade grade-${rating}`}
                disabled={busy}
                onClick={() => void grade(rating)}
              >
                <span className="grade-name">{RATING_NAMES[rating]}</span>
                <span className="grade-interval">{preview ? formatInterval(preview[rating] - shownAt) : ''}</span>
                <kbd>{rating}</kbd>
              </button>
            ))}
          </fieldset>
        </>
      )}
      <p className="muted small">
        <Link href={`/q/${id}`}>Open this question</Link>
      </p>
    </article>
  );
}

function DoneForToday() {
  const queue = useReviewStore((s) => s.queue);
  const topic = useReviewStore((s) => s.topic);
  const todayReviews = useReviewStore((s) => s.todayReviews);
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

function UndoBar() {
  const canUndo = useReviewStore((s) => s.undoStack.length > 0);
  const undo = useReviewStore((s) => s.undo);
  const busy = useReviewStore((s) => s.busy);
  if (!canUndo) return null;
  return (
    <div className="undo-bar">
      <button type="button" className="button ghost small" onClick={() => void undo()} disabled={busy}>
        Undo last grading <kbd>Z</kbd>
      </button>
    </div>
  );
}
