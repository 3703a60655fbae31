/**
 * The candidate's side of a peer review, on a finished mock's report: export the mock for a
 * friend (blind: no self-assessment in the file), import the friend's grades, and show them
 * beside the user's own. Peer grades never enter the review log.
 */
import './peer-review.css';
import { use, useEffect, useId, useState } from 'react';
import { loadBankIndex } from '../bank/bank-data';
import { RATING_NAMES } from '../srs/types';
import { downloadJson } from '../ui/download-json';
import type { MockSession } from './mock-types';
import {
  formatBytes,
  parsePeerGradesFile,
  peerFileName,
  peerGradeText,
  reviewerName,
  type StoredPeerGrades,
} from './peer-review-file';
import {
  loadPeerGrades,
  prepareReviewExport,
  type ReviewExport,
  savePeerGrades,
  withRecordings,
} from './peer-review-storage';

export function PeerReviewPanel({ session }: { session: MockSession }) {
  const [stored, setStored] = useState<StoredPeerGrades>();
  useEffect(() => {
    let live = true;
    loadPeerGrades(session.id).then(
      (g) => live && setStored(g),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [session.id]);
  return (
    <section aria-labelledby="peer-heading" className="card peer-panel">
      <h2 id="peer-heading">Peer review</h2>
      <ExportForReview session={session} />
      <ImportGrades session={session} stored={stored} onImported={setStored} />
      {stored && <PeerGradesList session={session} stored={stored} />}
    </section>
  );
}

function ExportForReview({ session }: { session: MockSession }) {
  const [prepared, setPrepared] = useState<ReviewExport>();
  const [withAudio, setWithAudio] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const ids = { about: useId(), size: useId() };
  useEffect(() => {
    let live = true;
    prepareReviewExport(session, Date.now()).then(
      (p) => live && setPrepared(p),
      (e: Error) => live && setMessage({ text: `The file could not be prepared: ${e.message}`, error: true }),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const size = prepared ? prepared.bytes + (withAudio ? prepared.recordingBytes : 0) : undefined;
  const save = async () => {
    if (!prepared) return;
    setBusy(true);
    try {
      const file = withAudio ? await withRecordings(session, prepared.file) : prepared.file;
      const name = peerFileName(session.config.title, 'for-review');
      downloadJson(name, { ...file, exportedAt: Date.now() });
      setMessage({
        text: `Saved ${name}. Send it to a friend; they open it in Drillbook under Mock, Review a friend’s mock.`,
      });
    } catch (e) {
      setMessage({ text: `The file could not be made: ${(e as Error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="peer-export">
      <p id={ids.about}>
        A file with this mock’s questions, your answers, code, test results and drawings, for a friend to grade in their
        own Drillbook. Your own grades and rubric ticks are left out, so your friend grades blind.
      </p>
      {prepared && prepared.recordingCount > 0 && (
        <label className="check">
          <input type="checkbox" checked={withAudio} onChange={(e) => setWithAudio(e.target.checked)} />
          Include recordings ({prepared.recordingCount}, about {formatBytes(prepared.recordingBytes)} more)
        </label>
      )}
      <div className="inline-actions">
        <button
          type="button"
          className="button"
          disabled={!prepared || busy}
          aria-describedby={`${ids.about} ${ids.size}`}
          onClick={() => void save()}
        >
          {busy ? 'Preparing…' : 'Export for a peer review'}
        </button>
        <span id={ids.size} className="muted small">
          {size !== undefined ? `File size: about ${formatBytes(size)}` : ''}
        </span>
      </div>
      <p role={message?.error ? 'alert' : 'status'} className={message?.error ? 'alert' : 'small'}>
        {message?.text}
      </p>
    </div>
  );
}

function ImportGrades({
  session,
  stored,
  onImported,
}: {
  session: MockSession;
  stored: StoredPeerGrades | undefined;
  onImported: (stored: StoredPeerGrades) => void;
}) {
  const inputId = useId();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parsePeerGradesFile(await file.text(), session);
    if (!parsed.ok) {
      setMessage({ text: `${file.name}: ${parsed.message}`, error: true });
      return;
    }
    try {
      const record = await savePeerGrades(parsed.value, Date.now());
      onImported(record);
      const who = reviewerName(parsed.value);
      const replaced = stored ? ` They replace ${reviewerName(stored.grades)}’s earlier grades.` : '';
      setMessage({ text: `Imported ${who}’s grades.${replaced} ${parsed.warnings.join(' ')}`.trim() });
    } catch (e) {
      setMessage({ text: `The grades could not be stored: ${(e as Error).message}`, error: true });
    }
  };
  return (
    <div className="field peer-import">
      <label htmlFor={inputId}>Import a friend’s grades</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <p role={message?.error ? 'alert' : 'status'} className={message?.error ? 'alert' : 'small'}>
        {message?.text}
      </p>
    </div>
  );
}

/** One line per question: the user's own grade beside the friend's. */
function PeerGradesList({ session, stored }: { session: MockSession; stored: StoredPeerGrades }) {
  const { questions } = use(loadBankIndex());
  const who = reviewerName(stored.grades);
  const byIndex = new Map(stored.grades.items.map((g) => [g.index, g]));
  return (
    <div className="peer-grades">
      <h3>
        {who}’s grades <span className="muted small">({new Date(stored.grades.gradedAt).toLocaleDateString()})</span>
      </h3>
      <p className="muted small">
        Shown here only: peer grades never enter your review schedule. Your own grades stay as you recorded them.
      </p>
      <ol>
        {session.items.map((item, index) => {
          const title = questions.find((q) => q.id === item.questionId)?.title ?? item.questionId;
          const own = item.assessment.rating ? RATING_NAMES[item.assessment.rating] : 'not graded';
          return (
            <li key={item.questionId}>
              <strong>
                Question {index + 1}: {title}
              </strong>
              <p>
                Your grade: {own}. {peerGradeText(who, byIndex.get(index))}
              </p>
              {byIndex.get(index)?.comment && <blockquote>{byIndex.get(index)?.comment}</blockquote>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
