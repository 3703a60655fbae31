/** The study-plan questions: interview date, minutes a day, role. Used by the first visit and by Settings. */
import './progress.css';
import { useId, useState } from 'react';
import { interviewDateProblem } from './dashboard-figures';
import type { PlanChoices } from './plan-store';
import { MINUTES_CHOICES, ROLE_PRESETS } from './study-plan';

interface PlanFormProps {
  initial?: PlanChoices;
  submitLabel: string;
  onSubmit: (choices: PlanChoices) => Promise<void>;
  onSkip?: () => void;
}

export function PlanForm({ initial, submitLabel, onSubmit, onSkip }: PlanFormProps) {
  const id = useId();
  const [date, setDate] = useState(initial?.interviewDate ?? '');
  const [noDate, setNoDate] = useState(initial ? initial.interviewDate === undefined : false);
  const [minutes, setMinutes] = useState(initial?.minutesPerDay ?? 30);
  const [role, setRole] = useState(initial?.role ?? ROLE_PRESETS[0].id);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const dateProblem = noDate
      ? undefined
      : date
        ? interviewDateProblem(date, Date.now())
        : 'Pick the date, or tick "No date yet".';
    if (dateProblem) {
      setProblem(dateProblem);
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await onSubmit({ interviewDate: noDate ? undefined : date, minutesPerDay: minutes, role });
    } catch (error) {
      setProblem(`Not saved: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="plan-form"
      onSubmit={(e) => void submit(e)}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <fieldset>
        <legend>When is your interview?</legend>
        <div className="plan-date-row">
          <div className="field">
            <label htmlFor={`${id}-date`}>Interview date</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              disabled={noDate}
              onChange={(e) => setDate(e.target.value)}
            />
          </div>
          <label className="check">
            <input type="checkbox" checked={noDate} onChange={(e) => setNoDate(e.target.checked)} /> No date yet
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Minutes a day you can give</legend>
        <div className="choice-row">
          {MINUTES_CHOICES.map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name={`${id}-minutes`}
                value={m}
                checked={minutes === m}
                onChange={() => setMinutes(m)}
              />{' '}
              {m} min
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>The role you are interviewing for</legend>
        <div className="role-grid">
          {ROLE_PRESETS.map((r) => (
            <label key={r.id} className="choice role-choice">
              <input
                type="radio"
                name={`${id}-role`}
                value={r.id}
                checked={role === r.id}
                onChange={() => setRole(r.id)}
              />{' '}
              <span>
                <strong>{r.title}</strong>
                <span className="muted small"> {r.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {onSkip && (
          <button type="button" className="button ghost" onClick={onSkip} disabled={busy}>
            Skip for now
          </button>
        )}
      </div>
    </form>
  );
}
