import './drills.css';
import { use, useId, useMemo, useState } from 'react';
import { loadBankIndex } from '../bank/bank-data';
import { groupByTopic } from '../bank/filter-questions';
import { QuestionList, TopicSelect } from '../bank/question-list';
import { describeAgo } from '../srs/format-interval';
import { Badge } from '../ui/badge';
import { usePageTitle } from '../ui/use-page-title';
import { DRILL_STATUS_LABELS, type DrillProgress, type DrillStatus } from './drill-status';
import { useDrillProgress } from './use-drill-progress';

const STATUSES = Object.keys(DRILL_STATUS_LABELS) as DrillStatus[];

function lastResult(progress: DrillProgress | undefined, now: number): string | undefined {
  if (!progress?.last) return undefined;
  return `${progress.last.passed ? 'Passed' : 'Failed'} ${describeAgo(progress.last.time, now)}`;
}

export default function DrillsScreen() {
  usePageTitle('Coding drills');
  const ids = { status: useId(), topic: useId() };
  const { topics, questions } = use(loadBankIndex());
  const drillIds = useMemo(() => questions.filter((q) => q.kind === 'coding').map((q) => q.id), [questions]);
  const progress = useDrillProgress(drillIds);
  const [status, setStatus] = useState<DrillStatus | ''>('');
  const [topic, setTopic] = useState<string>();
  const [now] = useState(() => Date.now());
  const statusOf = (id: string): DrillStatus =>
    progress.state === 'ready' ? (progress.progress.get(id)?.status ?? 'new') : 'new';
  const groups = groupByTopic(topics, questions, { kind: 'coding', topic }).map((group) => ({
    ...group,
    questions: status ? group.questions.filter((q) => statusOf(q.id) === status) : group.questions,
  }));
  const shown = groups.reduce((n, g) => n + g.questions.length, 0);
  const counts = STATUSES.map((s) => [s, drillIds.filter((id) => statusOf(id) === s).length] as const);
  return (
    <div className="page">
      <h1>Coding drills</h1>
      <p className="lead">
        {drillIds.length} functions interviewers ask you to write from scratch, in Python or TypeScript, checked by
        visible and hidden tests. Everything runs in your browser.
      </p>
      {progress.state === 'ready' && (
        <p className="muted">{counts.map(([s, n]) => `${DRILL_STATUS_LABELS[s]}: ${n}`).join(' · ')}</p>
      )}
      {progress.state === 'failed' && (
        <p role="alert" className="alert">
          Your drill progress could not be read ({progress.message}). The drills still work.
        </p>
      )}
      <div className="drill-filters">
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as DrillStatus | '')}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {DRILL_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.topic}>Topic</label>
          <TopicSelect id={ids.topic} topics={topics} value={topic} onChange={setTopic} />
        </div>
        <p className="muted" aria-live="polite">
          {shown} shown
        </p>
      </div>
      {groups
        .filter((g) => g.questions.length > 0)
        .map(({ topic: t, questions: inTopic }) => (
          <section key={t.id} className="topic-group" aria-labelledby={`drills-${t.id}`}>
            <h2 id={`drills-${t.id}`}>
              {t.title} <span className="count">{inTopic.length}</span>
            </h2>
            <QuestionList
              questions={inTopic}
              hrefFor={(id) => `/drills/${id}`}
              extra={(q) => {
                const s = statusOf(q.id);
                const last = progress.state === 'ready' ? lastResult(progress.progress.get(q.id), now) : undefined;
                return (
                  <>
                    {last && <span className="drill-last muted">{last}</span>}
                    <Badge tone={s}>{DRILL_STATUS_LABELS[s]}</Badge>
                  </>
                );
              }}
            />
          </section>
        ))}
      {shown === 0 && <p>No drill matches these filters.</p>}
    </div>
  );
}
