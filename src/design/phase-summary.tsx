/** Per-phase figures of a finished round: suggested and spent time, and rubric coverage. */
import type { DesignPhaseId } from '../bank/design-phases';
import { formatElapsed } from '../ui/format-duration';
import { coverageByPhase } from './phase-coverage';
import { type PlannedPhase, phaseDurations } from './phase-plan';

export function PhaseSummary({
  plan,
  marks,
  usedMs,
  rubricPhases,
  covered,
}: {
  plan: readonly PlannedPhase[];
  marks: readonly number[];
  usedMs: number;
  rubricPhases?: readonly DesignPhaseId[];
  covered?: readonly boolean[];
}) {
  const durations = phaseDurations(marks, usedMs);
  const coverage = rubricPhases && covered ? coverageByPhase(rubricPhases, covered) : [];
  return (
    <table className="phase-summary">
      <caption>Time and rubric coverage per phase</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Suggested</th>
          <th scope="col">You spent</th>
          {coverage.length > 0 && <th scope="col">Rubric points covered</th>}
        </tr>
      </thead>
      <tbody>
        {plan.map((phase, index) => {
          const c = coverage.find((p) => p.id === phase.id);
          return (
            <tr key={phase.id}>
              <th scope="row">{phase.label}</th>
              <td>{formatElapsed(phase.ms)}</td>
              <td>{durations[index] > 0 ? formatElapsed(durations[index]) : 'skipped'}</td>
              {coverage.length > 0 && <td>{c ? `${c.covered} of ${c.total}` : '–'}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
