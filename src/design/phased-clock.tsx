/**
 * The phased clock: the phases of the round with their suggested minutes, the current one,
 * a gentle cue when it runs long, and a button to move on. It ticks on its own, so the rest of
 * the screen (whiteboard, editor) is not re-rendered every second.
 */
import { formatElapsed } from '../ui/format-duration';
import { useNow } from '../ui/use-now';
import { cueMessage, LAST_PHASE, type PlannedPhase, phaseCue, phaseDurations } from './phase-plan';

const minutes = (ms: number) => `${Math.round(ms / 6_000) / 10} min`;

export function PhasedClock({
  plan,
  marks,
  usedMsAt,
  onNext,
  running = true,
}: {
  plan: readonly PlannedPhase[];
  marks: readonly number[];
  /** The time used on the question at a given moment (a mock pauses it on other questions). */
  usedMsAt: (now: number) => number;
  onNext: () => void;
  /** False once the answer has ended or is locked: the clock stops and the button goes. */
  running?: boolean;
}) {
  const now = useNow(1000, running);
  const usedMs = usedMsAt(now);
  const cue = phaseCue(plan, marks, usedMs);
  const durations = phaseDurations(marks, usedMs);
  const message = running ? cueMessage(plan, cue) : undefined;
  const next = plan[cue.current + 1];

  return (
    <section className="phased-clock" aria-label="Phased clock">
      <ol className="phase-steps">
        {plan.map((phase, index) => {
          const state = index < cue.current ? 'done' : index === cue.current ? 'current' : 'todo';
          return (
            <li
              key={phase.id}
              className={`phase-step ${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="phase-name">{phase.label}</span>
              <span className="phase-time">
                {state === 'todo' ? minutes(phase.ms) : `${formatElapsed(durations[index])} / ${minutes(phase.ms)}`}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="phase-now">
        <p>
          Now: <strong>{plan[cue.current].label}</strong>{' '}
          <span className={cue.overMs > 0 ? 'phase-over' : undefined}>
            {formatElapsed(cue.elapsedMs)} of {minutes(cue.plannedMs)}
          </span>
          {cue.plannedIndex > cue.current && running && (
            <span className="muted"> · the plan is at {plan[cue.plannedIndex].label.toLowerCase()}</span>
          )}
        </p>
        {running && cue.current < LAST_PHASE && next && (
          <button type="button" className="button" onClick={onNext}>
            Next phase: {next.label}
          </button>
        )}
      </div>
      <p role="status" className="phase-cue">
        {message ?? ''}
      </p>
    </section>
  );
}
