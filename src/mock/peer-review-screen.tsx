/**
 * The reviewer's side of a peer review: open a friend's mock file, read each answer beside the
 * model answer and rubric of YOUR bank, grade it, and save the grades as a file to send back.
 * Nothing here enters the reviewer's own progress; only a draft of the grading is kept.
 */
import 'katex/dist/katex.min.css';
import './mock.css';
import '../design/design.css';
import './peer-review.css';
import { Suspense, use, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { loadQuestion } from '../bank/bank-data';
import { DrawingImage } from '../design/drawing-image';
import { RATING_NAMES, RATINGS } from '../srs/types';
import { LatestWriter } from '../storage/latest-writer';
import { Badge } from '../ui/badge';
import { downloadJson } from '../ui/download-json';
import { formatElapsed } from '../ui/format-duration';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import {
  base64ToBytes,
  buildPeerGradesFile,
  type PeerRecording,
  type PeerReviewFile,
  type PeerReviewItem,
  parsePeerReviewFile,
  peerFileName,
  type ReviewerGrading,
} from './peer-review-file';
import { loadReviewDraft, saveReviewDraft } from './peer-review-storage';

type ItemGrading = ReviewerGrading['items'][number];

const blankGrading = (file: PeerReviewFile): ReviewerGrading => ({
  reviewer: '',
  items: file.items.map(() => ({ covered: [], comment: '' })),
});

export default function PeerReviewScreen() {
  usePageTitle('Review a friend’s mock');
  const [review, setReview] = useState<PeerReviewFile>();
  const [grading, setGrading] = useState<ReviewerGrading>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [exported, setExported] = useState<string>();
  const ids = { file: useId(), name: useId(), error: useId() };
  const mockId = review?.mock.id;
  const writer = useMemo(
    () =>
      mockId === undefined
        ? undefined
        : new LatestWriter<ReviewerGrading>(
            (g) => saveReviewDraft(mockId, g),
            (e) => setSaveError(e ? `Your draft could not be kept on this device: ${e.message}` : undefined),
          ),
    [mockId],
  );

  const open = async (picked: File | undefined) => {
    if (!picked) return;
    setExported(undefined);
    const parsed = parsePeerReviewFile(await picked.text());
    if (!parsed.ok) {
      // The file open before (if any) stays open: a wrong pick loses nothing.
      setError(`${picked.name}: ${parsed.message}`);
      return;
    }
    const file = parsed.value;
    const draft = await loadReviewDraft(file.mock.id, file.items.length).catch(() => undefined);
    setError(undefined);
    setWarnings(parsed.warnings);
    setReview(file);
    setGrading(draft ?? blankGrading(file));
  };

  const update = (change: (g: ReviewerGrading) => ReviewerGrading) => {
    setExported(undefined);
    setGrading((g) => {
      if (!g) return g;
      const next = change(g);
      writer?.push(next);
      return next;
    });
  };
  const updateItem = (index: number, patch: Partial<ItemGrading>) =>
    update((g) => ({ ...g, items: g.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));

  const exportGrades = () => {
    if (!review || !grading) return;
    const name = peerFileName(review.mock.title, 'grades');
    downloadJson(name, buildPeerGradesFile(review, grading, Date.now()));
    setExported(name);
  };

  const graded = grading?.items.filter((g) => g.rating !== undefined).length ?? 0;
  return (
    <div className="page peer-review">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/mock">Mock interviews</Link>
      </nav>
      <h1>Review a friend’s mock</h1>
      <p className="lead">
        Open the file a friend exported from their mock report. Grade each answer against the rubric of your question
        bank, then export your grades and send the file back.
      </p>
      <p className="muted small">
        Nothing here changes your own progress or review schedule. A draft of your grading is kept on this device: if
        you reload, pick the same file again and your grades come back.
      </p>

      <div className="field card peer-file-pick">
        <label htmlFor={ids.file}>{review ? 'Open another mock file' : 'Mock file to review'}</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {error && (
          <p role="alert" id={ids.error} className="alert">
            {error}
          </p>
        )}
      </div>

      {review && grading && (
        <>
          <h2 className="peer-mock-title">
            {review.mock.title || 'Mock'}{' '}
            <span className="muted small">
              ({review.items.length} {review.items.length === 1 ? 'question' : 'questions'}, {review.mock.mode} mode,{' '}
              {new Date(review.mock.createdAt).toLocaleDateString()})
            </span>
          </h2>
          {warnings.length > 0 && (
            <div role="status" className="alert">
              <p>Part of this file could not be read; the rest is below.</p>
              <ul>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.name}>Your name (optional, shown to your friend)</label>
            <input
              id={ids.name}
              value={grading.reviewer}
              autoComplete="name"
              onChange={(e) => {
                const reviewer = e.target.value;
                update((g) => ({ ...g, reviewer }));
              }}
            />
          </div>
          {review.items.map((item, index) => (
            <Suspense key={item.questionId} fallback={<Loading label="Loading the question…" />}>
              <ReviewItem
                item={item}
                index={index}
                grading={grading.items[index]}
                onChange={(patch) => updateItem(index, patch)}
              />
            </Suspense>
          ))}
          {saveError && (
            <p role="alert" className="alert">
              {saveError}
            </p>
          )}
          <div className="peer-export card">
            <p>
              {graded} of {review.items.length} questions graded.
            </p>
            <button type="button" className="button primary" onClick={exportGrades}>
              Export my grades
            </button>
            <p role="status" className="small">
              {exported && `Saved ${exported}. Send it back to your friend; they import it on their mock’s report.`}
            </p>
          </div>
        </>
      )}
    </div>
  );
}

function ReviewItem({
  item,
  index,
  grading,
  onChange,
}: {
  item: PeerReviewItem;
  index: number;
  grading: ItemGrading;
  onChange: (patch: Partial<ItemGrading>) => void;
}) {
  const question = use(loadQuestion(item.questionId));
  const headingId = useId();
  const commentId = useId();
  const n = index + 1;
  const code = item.code?.sources[item.code.language];
  const budgetMs = item.budgetSeconds * 1000;
  return (
    <section className="card assess-item peer-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="assess-heading">
        Question {n}: {question?.title ?? item.title}
        <Badge>{item.kind}</Badge>
        <Badge tone={item.difficulty}>{item.difficulty}</Badge>
      </h2>
      <p className="muted small">
        Time used {formatElapsed(item.usedMs)}
        {budgetMs > 0 && ` of ${formatElapsed(budgetMs)}`}
      </p>
      {question ? (
        <RichHtml html={question.promptHtml} className="prompt" />
      ) : (
        <p className="alert">
          This question ({item.questionId}) is not in your question bank, so its prompt, model answer and rubric cannot
          be shown here. You can still read the answer and grade it.
        </p>
      )}
      <div className="answer-compare">
        <div>
          <h3>Their answer</h3>
          {item.kind === 'coding' ? (
            <>
              <pre className="typed-answer code">{code ?? '(no code written)'}</pre>
              <p className="small">
                {item.drill ? `Tests: ${item.drill.passed} of ${item.drill.total} passed.` : 'Tests were not run.'}
              </p>
              {item.answer.trim() && <pre className="typed-answer">{item.answer.trim()}</pre>}
            </>
          ) : (
            <pre className="typed-answer">{item.answer.trim() || '(no answer)'}</pre>
          )}
          {item.phases && (
            <table className="phase-summary">
              <caption>Time per phase</caption>
              <tbody>
                {item.phases.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.label}</th>
                    <td>{p.ms > 0 ? formatElapsed(p.ms) : 'skipped'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {item.drawing && <DrawingImage drawing={item.drawing} label={`Their drawing for question ${n}`} />}
          {item.recording && (
            <RecordingAudio recording={item.recording} label={`Their spoken answer to question ${n}`} />
          )}
        </div>
        {question && (
          <div>
            <h3>Model answer</h3>
            {question.drill && <RichHtml html={question.drill.python.solutionHtml} />}
            <RichHtml html={question.answerHtml} />
          </div>
        )}
      </div>
      {question && question.rubric.length > 0 && (
        <fieldset>
          <legend>Rubric: tick what their answer covered</legend>
          {question.rubric.map((point, i) => (
            <label key={point} className="check rubric-point">
              <input
                type="checkbox"
                checked={grading.covered[i] ?? false}
                onChange={(e) => {
                  const covered = question.rubric.map((_, j) => grading.covered[j] ?? false);
                  covered[i] = e.target.checked;
                  onChange({ covered });
                }}
              />
              <RichHtml as="span" html={point} />
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="inline-fieldset">
        <legend>Grade for question {n}</legend>
        {RATINGS.map((r) => (
          <label key={r} className="check">
            <input
              type="radio"
              name={`peer-grade-${index}`}
              checked={grading.rating === r}
              onChange={() => onChange({ rating: r })}
            />
            {RATING_NAMES[r]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={commentId}>Comment on question {n}</label>
        <textarea
          id={commentId}
          rows={3}
          value={grading.comment}
          onChange={(e) => onChange({ comment: e.target.value })}
        />
      </div>
    </section>
  );
}

/** A recording carried in the file, played from memory (it is never stored on the reviewer's device). */
function RecordingAudio({ recording, label }: { recording: PeerRecording; label: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const made = useRef<string>(undefined);
  useEffect(() => {
    try {
      const blob = new Blob([base64ToBytes(recording.base64)], { type: recording.mimeType });
      made.current = URL.createObjectURL(blob);
      setUrl(made.current);
    } catch {
      setError('This recording could not be decoded.');
    }
    return () => {
      if (made.current) URL.revokeObjectURL(made.current);
    };
  }, [recording]);
  return (
    <section className="answer-aloud" aria-label={label}>
      <h3>Their spoken answer ({formatElapsed(recording.durationMs)})</h3>
      {error ? (
        <p className="alert">{error}</p>
      ) : (
        url && (
          // biome-ignore lint/a11y/useMediaCaption: a user's own voice recording has no captions; the transcript (when any) is below
          <audio controls src={url} aria-label={label} />
        )
      )}
      {recording.transcript && (
        <details className="transcript">
          <summary>Transcript (made on their device)</summary>
          <p>{recording.transcript}</p>
        </details>
      )}
    </section>
  );
}
