import './mock.css';
import { use, useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { loadBankIndex } from '../bank/bank-data';
import { DIFFICULTIES, KINDS, type Kind } from '../bank/types';
import { useProgressService } from '../service/use-progress';
import { usePageTitle } from '../ui/use-page-title';
import { buildMockSet } from './build-mock-set';
import { MockHistory } from './mock-history';
import { endMock, startMock } from './mock-session';
import { MOCK_MODES, type MockConfig, type MockMode, type MockSession, QUESTION_TIMINGS } from './mock-types';
import { customConfig, type MockPreset, mockPresets } from './presets';
import { weakTopicPreset } from './weak-topic-preset';

const MODE_LABELS: Record<MockMode, string> = {
  strict: 'Strict: at zero the answer locks and the next question comes',
  practice: 'Practice: overtime allowed (recorded), pause allowed',
};
const MODES = MOCK_MODES.map((mode) => [mode, MODE_LABELS[mode]] as const);
const TIMING_LABELS: Record<MockConfig['questionTiming'], string> = {
  own: 'Each question’s own budget',
  custom: 'The same for every question',
  none: 'No per-question limit',
};
const TIMINGS = QUESTION_TIMINGS.map((timing) => [timing, TIMING_LABELS[timing]] as const);
const KIND_LABELS: Record<Kind, string> = { concept: 'Concept', design: 'Design', coding: 'Coding' };

function configFromSearch(search: string): MockConfig | undefined {
  const topics = new URLSearchParams(search).get('topics');
  return topics ? { ...customConfig(topics.split(',').filter(Boolean)), title: 'Mock of my weak topics' } : undefined;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] | 0;
}

/** A labelled number input; an empty box is NaN, which the set builder reports as a problem. */
function NumberField({
  label,
  min,
  value,
  onChange,
}: {
  label: string;
  min: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </div>
  );
}

function RadioChoices<T extends string>({
  name,
  choices,
  value,
  onChange,
}: {
  name: string;
  choices: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return choices.map(([choice, label]) => (
    <label key={choice} className="check">
      <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} />
      {label}
    </label>
  ));
}

export default function MockSetupScreen() {
  usePageTitle('Mock interview');
  const search = useSearch();
  const [, navigate] = useLocation();
  const { topics: allTopics, questions } = use(loadBankIndex());
  const bankPresets = useMemo(() => mockPresets(allTopics), [allTopics]);
  const [config, setConfig] = useState<MockConfig>(() => configFromSearch(search) ?? bankPresets[0].config);
  const [presetId, setPresetId] = useState<string | undefined>(() =>
    configFromSearch(search) ? undefined : bankPresets[0].id,
  );
  const [error, setError] = useState<string>();
  // The custom form opens by itself when a link brought topics (e.g. "Mock my weak topics").
  const [customOpen, setCustomOpen] = useState(() => configFromSearch(search) !== undefined);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState<MockSession>();
  const [history, setHistory] = useState<MockSession[]>();
  const [weakPreset, setWeakPreset] = useState<MockPreset>();
  const ids = { title: useId(), total: useId(), error: useId() };

  const openService = useProgressService();
  useEffect(() => {
    openService().then(
      (service) => {
        service.activeMock().then(setActive, () => {});
        service.listMocks().then(setHistory, () => setHistory([]));
        weakTopicPreset(service, questions).then(setWeakPreset, () => {});
      },
      () => setHistory([]),
    );
  }, [openService, questions]);

  const update = (patch: Partial<MockConfig>) => {
    setConfig((c) => ({ ...c, ...patch }));
    setError(undefined);
  };
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const presets = weakPreset ? [weakPreset, ...bankPresets] : bankPresets;

  const start = async (chosen: MockConfig = config) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const service = await openService();
      const now = Date.now();
      const seed = randomSeed();
      const built = buildMockSet(questions, await service.loadCards(), chosen, seed, now);
      if (!built.ok) {
        setError(built.message);
        return;
      }
      if (active) {
        if (!window.confirm('A mock is still in progress. Starting a new one ends it; you can still assess it later.'))
          return;
        await service.saveMock(endMock(active, now, 'ended-early'));
      }
      const session = startMock(crypto.randomUUID(), chosen, built.items, seed, now);
      await service.saveMock(session);
      navigate(`/mock/${session.id}`);
    } catch (e) {
      setError(`The mock could not be started: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page mock-setup">
      <h1>Mock interview</h1>
      <p className="lead">
        Questions under a clock, answered as you would aloud, then graded against the rubric. Every grade feeds your
        review schedule.
      </p>

      {active && (
        <section className="card resume-banner" aria-label="Mock in progress">
          <p>
            <strong>{active.config.title}</strong> is{' '}
            {active.status === 'running' ? 'in progress' : 'waiting for your self-assessment'}.
          </p>
          <Link href={`/mock/${active.id}`} className="button primary">
            {active.status === 'running' ? 'Resume the mock' : 'Assess your answers'}
          </Link>
        </section>
      )}

      <section aria-labelledby="presets-heading">
        <h2 id="presets-heading">Presets</h2>
        <ul className="preset-grid">
          {presets.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={p.id === presetId ? 'preset card selected' : 'preset card'}
                aria-pressed={p.id === presetId}
                disabled={busy}
                onClick={() => {
                  // One click starts the preset; Customise below adjusts it first.
                  setConfig(p.config);
                  setPresetId(p.id);
                  void start(p.config);
                }}
              >
                <strong>{p.config.title}</strong>
                <span className="muted">{p.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <details className="customise" open={customOpen} onToggle={(e) => setCustomOpen(e.currentTarget.open)}>
        <summary className="button">Customise a mock</summary>
        <form
          className="card mock-form"
          aria-labelledby="settings-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
          onChange={() => setPresetId(undefined)}
        >
          <h2 id="settings-heading">Settings</h2>
          <div className="field">
            <label htmlFor={ids.title}>Name</label>
            <input id={ids.title} value={config.title} onChange={(e) => update({ title: e.target.value })} />
          </div>

          <fieldset>
            <legend>Topics</legend>
            <div className="inline-actions">
              <button
                type="button"
                className="button ghost small"
                onClick={() => update({ topics: allTopics.map((t) => t.id) })}
              >
                All topics
              </button>
              <button type="button" className="button ghost small" onClick={() => update({ topics: [] })}>
                No topics
              </button>
            </div>
            <div className="check-grid">
              {allTopics.map((t) => (
                <label key={t.id} className="check">
                  <input
                    type="checkbox"
                    checked={config.topics.includes(t.id)}
                    onChange={() => update({ topics: toggle(config.topics, t.id) })}
                  />
                  {t.title}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>Kinds of question</legend>
            <div className="check-row">
              {KINDS.map((k) => (
                <label key={k} className="check">
                  <input
                    type="checkbox"
                    checked={config.kinds.includes(k)}
                    onChange={() => update({ kinds: toggle(config.kinds, k) })}
                  />
                  {KIND_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>

          <div className="form-row">
            <NumberField
              label="Number of questions"
              min={1}
              value={config.count}
              onChange={(count) => update({ count })}
            />
            <fieldset className="difficulty-mix">
              <legend>Difficulty mix (relative weights; all 0 = any)</legend>
              <div className="check-row">
                {DIFFICULTIES.map((d) => (
                  <label key={d} className="mix">
                    <span className="capitalize">{d}</span>
                    <input
                      type="number"
                      min={0}
                      max={100}
                      value={config.difficultyMix[d]}
                      onChange={(e) =>
                        update({
                          difficultyMix: { ...config.difficultyMix, [d]: Math.max(0, e.target.valueAsNumber || 0) },
                        })
                      }
                    />
                  </label>
                ))}
              </div>
            </fieldset>
          </div>

          <fieldset>
            <legend>Time per question</legend>
            <div className="check-row">
              <RadioChoices
                name="question-timing"
                choices={TIMINGS}
                value={config.questionTiming}
                onChange={(questionTiming) => update({ questionTiming })}
              />
            </div>
            {config.questionTiming === 'custom' && (
              <NumberField
                label="Seconds per question"
                min={0}
                value={config.perQuestionSeconds}
                onChange={(perQuestionSeconds) => update({ perQuestionSeconds })}
              />
            )}
          </fieldset>

          <div className="form-row">
            <div className="field">
              <label htmlFor={ids.total}>Total time limit (minutes, empty for none)</label>
              <input
                id={ids.total}
                type="number"
                min={0}
                step="any"
                value={config.totalSeconds === undefined ? '' : config.totalSeconds / 60}
                onChange={(e) =>
                  update({ totalSeconds: e.target.value === '' ? undefined : Math.round(e.target.valueAsNumber * 60) })
                }
              />
            </div>
            <fieldset>
              <legend>Mode</legend>
              <RadioChoices name="mode" choices={MODES} value={config.mode} onChange={(mode) => update({ mode })} />
            </fieldset>
          </div>

          {error && (
            <p role="alert" id={ids.error} className="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            aria-describedby={error ? ids.error : undefined}
          >
            Start the mock
          </button>
        </form>
      </details>

      <MockHistory mocks={history} />
    </div>
  );
}
