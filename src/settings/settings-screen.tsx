import './settings.css';
import { use, useId, useRef, useState } from 'react';
import { loadBankIndex } from '../bank/bank-data';
import { RecordingsPanel } from '../design/recordings-panel';
import { setVimEnabled, useVimEnabled } from '../drills/editor-preferences';
import { PlanForm } from '../progress/plan-form';
import { applyPlan, onboardingQuery } from '../progress/plan-store';
import { ImportInterruptedError } from '../service/progress-service';
import { useProgressQuery, useProgressService, useSettings } from '../service/use-progress';
import { RETENTION_RANGE, type Settings } from '../srs/types';
import {
  type Backup,
  type BackupSummary,
  createBackup,
  describeBackup,
  type ImportProgress,
  MAX_BACKUP_BYTES,
  measureSince,
  parseBackupAsync,
  settingsSchema,
  summariseBackup,
} from '../storage/backup';
import { downloadJson } from '../ui/download-json';
import { Loading } from '../ui/loading';
import { type ThemeChoice, useThemeStore } from '../ui/theme-store';
import { usePageTitle } from '../ui/use-page-title';

const COUNT_FIELDS = [
  { key: 'newPerDay', label: 'New cards per day' },
  { key: 'maxReviewsPerDay', label: 'Maximum reviews per day' },
] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export default function SettingsScreen() {
  usePageTitle('Settings');
  const { data: settings, error, reload } = useSettings();
  const loadError = settings ? undefined : error?.message;
  // The form keeps what is typed in it; a new plan changes its numbers, so it starts again then.
  const [planVersion, setPlanVersion] = useState(0);
  return (
    <div className="page narrow settings">
      <h1>Settings</h1>
      {loadError && (
        <p role="alert" className="alert">
          Your settings could not be opened: {loadError}
        </p>
      )}
      {!settings && !loadError && <Loading />}
      <PlanPanel
        onApplied={async () => {
          await reload();
          setPlanVersion((v) => v + 1);
        }}
      />
      {settings && <SettingsForm key={planVersion} initial={settings} />}
      <AppearancePanel />
      <RecordingsPanel />
      <EditorPanel />
      <BackupPanel />
    </div>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const openService = useProgressService();
  const { topics } = use(loadBankIndex());
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  const number = (key: keyof Settings) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft({ ...draft, [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) });

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setStatus('');
    const checked = settingsSchema.safeParse(draft);
    if (!checked.success) {
      setError(
        `Check the values: desired retention between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}, whole numbers of cards, an hour from 0 to 23.`,
      );
      return;
    }
    setError('');
    try {
      await (await openService()).saveSettings(draft);
      setStatus('Settings saved.');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const toggleTopic = (topicId: string, on: boolean) => {
    const all = draft.topics.length === 0 ? topics.map((t) => t.id) : draft.topics;
    const next = on ? [...new Set([...all, topicId])] : all.filter((t) => t !== topicId);
    setDraft({ ...draft, topics: next.length === topics.length ? [] : next });
  };

  return (
    <form className="card settings-form" onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Review</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-ret`}>Desired retention</label>
          <input
            id={`${id}-ret`}
            type="number"
            min={RETENTION_RANGE.min}
            max={RETENTION_RANGE.max}
            step={0.01}
            value={Number.isNaN(draft.desiredRetention) ? '' : draft.desiredRetention}
            onChange={number('desiredRetention')}
            aria-describedby={`${id}-ret-help`}
          />
          <small id={`${id}-ret-help`} className="muted">
            The chance of recalling a card when it comes due. Higher means more reviews.
          </small>
        </div>
        {COUNT_FIELDS.map(({ key, label }) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              type="number"
              min={0}
              step={1}
              value={Number.isNaN(draft[key]) ? '' : draft[key]}
              onChange={number(key)}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-hour`}>New day starts at</label>
          <select id={`${id}-hour`} value={draft.dayStartHour} onChange={number('dayStartHour')}>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {String(hour).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="topic-checks">
        <legend>Topics included in review</legend>
        {topics.map((t) => (
          <label key={t.id} className="check">
            <input
              type="checkbox"
              checked={draft.topics.length === 0 || draft.topics.includes(t.id)}
              onChange={(e) => toggleTopic(t.id, e.target.checked)}
            />
            {t.title}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary">
          Save settings
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </form>
  );
}

/** The first-visit questions again: a new date, more minutes or another role re-plans new cards and retention. */
function PlanPanel({ onApplied }: { onApplied: () => Promise<void> }) {
  const openService = useProgressService();
  const setUp = useProgressQuery(onboardingQuery);
  const [reasons, setReasons] = useState<string[]>();
  // Unreadable counts as never set up: the form starts empty.
  const record = setUp.data ?? (setUp.loading ? undefined : 'none');
  const choices = record && record !== 'none' && !record.skipped ? record.choices : undefined;
  return (
    <section className="card" id="plan" aria-labelledby="plan-settings-h">
      <h2 id="plan-settings-h">Study plan</h2>
      <p className="muted small">
        Sets the topics you review, new cards a day and the retention target below, and says why.
      </p>
      {record === undefined ? (
        <Loading />
      ) : (
        <PlanForm
          initial={choices}
          submitLabel="Update my plan"
          onSubmit={async (next) => {
            const [{ questions }, service] = await Promise.all([loadBankIndex(), openService()]);
            const plan = await applyPlan(service, next, questions, Date.now());
            setReasons(plan.reasons);
            await onApplied();
          }}
        />
      )}
      {reasons && (
        <div role="status">
          <p>Plan updated:</p>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const THEME_CHOICES: { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'Follow the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

function AppearancePanel() {
  const choice = useThemeStore((s) => s.choice);
  const setChoice = useThemeStore((s) => s.setChoice);
  return (
    <section className="card" aria-labelledby="appearance-h">
      <h2 id="appearance-h">Appearance</h2>
      <fieldset className="choice-row">
        <legend className="visually-hidden">Theme</legend>
        {THEME_CHOICES.map((t) => (
          <label key={t.id} className="choice">
            <input type="radio" name="theme" checked={choice === t.id} onChange={() => setChoice(t.id)} /> {t.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** Applies at once and is kept on this device; it needs no Save. */
function EditorPanel() {
  const id = useId();
  const vim = useVimEnabled();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Code editor</h2>
      <label className="check">
        <input type="checkbox" checked={vim} onChange={(e) => setVimEnabled(e.target.checked)} /> Vim key bindings in
        the drill editor
      </label>
      <p className="muted small">Kept on this device. Esc leaves insert mode; the mode shows under the editor.</p>
    </section>
  );
}

function formatDate(time: number | undefined): string {
  return time === undefined ? '—' : new Date(time).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const PHASE_WORDS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file…',
  checking: 'Checking records',
  saving: 'Saving reviews',
  rebuilding: 'Updating card schedules…',
};

function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const counted = progress.total > 0 && (progress.phase === 'checking' || progress.phase === 'saving');
  return (
    <div className="import-progress" role="status">
      <span>
        {PHASE_WORDS[progress.phase]}
        {counted && ` ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
      </span>
      <progress
        aria-label="Import progress"
        max={counted ? progress.total : undefined}
        value={counted ? progress.done : undefined}
      />
    </div>
  );
}

function BackupPanel() {
  const id = useId();
  const openService = useProgressService();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  const [pending, setPending] = useState<{
    backup: Backup;
    summary: BackupSummary;
    name: string;
    problems: string[];
  }>();
  const [progress, setProgress] = useState<ImportProgress>();
  const confirmRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const exportBackup = async () => {
    setMessage(undefined);
    try {
      const service = await openService();
      const now = Date.now();
      const backup = createBackup(
        await service.getSettings(),
        await service.allReviews(),
        await service.allValues(),
        now,
      );
      downloadJson(`drillbook-backup-${new Date(now).toISOString().slice(0, 10)}.json`, backup);
      setMessage({ kind: 'ok', text: `Backup saved: ${describeBackup(backup)}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${(error as Error).message}` });
    }
  };

  const chooseFile = async (file: File | undefined) => {
    setMessage(undefined);
    setPending(undefined);
    if (!file) return;
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const parsed = await parseBackupAsync(
        file.size > MAX_BACKUP_BYTES ? '' : await file.text(),
        file.size,
        setProgress,
      );
      if (!parsed.ok) {
        setMessage({ kind: 'error', text: `${file.name}: ${parsed.message} Nothing was changed.` });
        return;
      }
      const previewStart = performance.now();
      const summary = summariseBackup(parsed.backup);
      measureSince('backup-preview', previewStart);
      setPending({
        backup: parsed.backup,
        summary,
        name: file.name,
        problems: parsed.problems,
      });
    } catch (error) {
      // Out of memory for a huge file, or a file that vanished while being read.
      setMessage({
        kind: 'error',
        text: `${file.name} could not be read: ${(error as Error).message} Nothing was changed.`,
      });
    } finally {
      setProgress(undefined);
    }
  };

  const apply = async (mode: 'merge' | 'replace') => {
    if (!pending) return;
    confirmRef.current?.close();
    try {
      const service = await openService();
      setProgress({ phase: 'saving', done: 0, total: pending.backup.reviews.length });
      const { added } = await service.importBackup(pending.backup, mode, { onProgress: setProgress });
      const done =
        mode === 'merge'
          ? `Imported ${added.toLocaleString()} new review${added === 1 ? '' : 's'} from ${pending.name}.`
          : `Replaced your progress with ${pending.name}.`;
      setMessage({ kind: 'ok', text: [done, ...pending.problems].join(' ') });
      setPending(undefined);
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      const text = (error as Error).message;
      // A merge that ran out of space says itself what was kept.
      setMessage({
        kind: 'error',
        text: error instanceof ImportInterruptedError ? text : `Import failed, nothing was changed: ${text}`,
      });
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section className="card backup" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Backup</h2>
      <p className="muted">
        Your progress lives only in this browser. Export a backup file to keep it safe or to move it to another browser.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportBackup()}>
          Export backup
        </button>
        <label className="button file-button">
          Import backup…
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {progress && <ImportProgressBar progress={progress} />}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'alert' : 'success'}
        >
          {message.text}
        </p>
      )}
      {pending && (
        <section className="import-preview" aria-label="Backup contents">
          <h3>{pending.name}</h3>
          <ul>
            <li>
              {pending.summary.reviews} reviews of {pending.summary.questions} questions
              {pending.summary.undone > 0 && ` (and ${pending.summary.undone} undone)`}
            </li>
            <li>
              From {formatDate(pending.summary.firstReview)} to {formatDate(pending.summary.lastReview)}
            </li>
            <li>{pending.summary.values} saved items (drafts and other records)</li>
            {pending.problems.map((problem) => (
              <li key={problem} className="warning">
                {problem}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={progress !== undefined}
              onClick={() => void apply('merge')}
            >
              Merge into my progress
            </button>
            <button type="button" className="button danger" onClick={() => confirmRef.current?.showModal()}>
              Replace my progress…
            </button>
            <button type="button" className="button ghost" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      <dialog ref={confirmRef} aria-labelledby={`${id}-confirm`} className="dialog">
        <h2 id={`${id}-confirm`}>Replace all your progress?</h2>
        <p>Every review, setting and draft in this browser will be replaced by the backup. This cannot be undone.</p>
        <div className="actions">
          <button type="button" className="button danger" onClick={() => void apply('replace')}>
            Replace everything
          </button>
          <button type="button" className="button" onClick={() => confirmRef.current?.close()}>
            Keep my progress
          </button>
        </div>
      </dialog>
    </section>
  );
}
