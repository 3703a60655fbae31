import './bank.css';
import { use, useEffect, useId, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { usePageTitle } from '../ui/use-page-title';
import { loadBankIndex, loadPromptTexts } from './bank-data';
import {
  type BankFilter,
  filterFromSearch,
  groupByTopic,
  type PromptLookup,
  searchFromFilter,
} from './filter-questions';
import { QuestionList, TopicSelect } from './question-list';
import { DIFFICULTIES, KINDS } from './types';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export default function BankScreen() {
  usePageTitle('Question bank');
  const { topics, questions } = use(loadBankIndex());
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = filterFromSearch(search);
  const [queryText, setQueryText] = useState(filter.query ?? '');
  const ids = { topic: useId(), difficulty: useId(), kind: useId(), query: useId() };

  // Filters live in the URL (replaced, not pushed) so a reload or the back button restores them.
  const update = (change: Partial<BankFilter>) => {
    navigate(`/bank${searchFromFilter({ ...filter, ...change })}`, { replace: true });
  };
  // Prompts are searched too once their chunk arrives (asked for the first time a query is typed).
  const [prompts, setPrompts] = useState<PromptLookup>();
  const searching = Boolean(filter.query);
  useEffect(() => {
    if (searching && !prompts) loadPromptTexts().then(setPrompts, () => {});
  }, [searching, prompts]);
  const groups = groupByTopic(topics, questions, filter, prompts);
  const shown = groups.reduce((sum, g) => sum + g.questions.length, 0);
  const hasFilter = Object.keys(filter).length > 0;

  return (
    <div className="page">
      <h1>Question bank</h1>
      <p className="lead">
        {questions.length} questions in {topics.length} topics, each with a model answer and a rubric.
      </p>
      <search className="filters">
        <div className="field grow">
          <label htmlFor={ids.query}>Search</label>
          <input
            id={ids.query}
            type="search"
            placeholder="e.g. softmax, chunking, calibration"
            value={queryText}
            onChange={(e) => {
              setQueryText(e.target.value);
              update({ query: e.target.value || undefined });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.topic}>Topic</label>
          <TopicSelect id={ids.topic} topics={topics} value={filter.topic} onChange={(topic) => update({ topic })} />
        </div>
        <div className="field">
          <label htmlFor={ids.difficulty}>Difficulty</label>
          <select
            id={ids.difficulty}
            value={filter.difficulty ?? ''}
            onChange={(e) => update({ difficulty: (e.target.value || undefined) as BankFilter['difficulty'] })}
          >
            <option value="">Any difficulty</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {capitalise(d)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select
            id={ids.kind}
            value={filter.kind ?? ''}
            onChange={(e) => update({ kind: (e.target.value || undefined) as BankFilter['kind'] })}
          >
            <option value="">Any kind</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {capitalise(k)}
              </option>
            ))}
          </select>
        </div>
      </search>
      <div className="result-bar">
        <p role="status" className="muted">
          {hasFilter ? `${shown} of ${questions.length} questions match` : `Showing all ${questions.length} questions`}
        </p>
        {hasFilter && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setQueryText('');
              navigate('/bank', { replace: true });
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {groups.length === 0 && <p className="empty">No question matches these filters.</p>}
      {groups.map(({ topic, questions: inTopic }) => (
        <section key={topic.id} className="topic-group" aria-labelledby={`topic-${topic.id}`}>
          <div className="topic-head">
            <h2 id={`topic-${topic.id}`}>
              {topic.title} <span className="count">{inTopic.length}</span>
            </h2>
            <p className="muted">{topic.description}</p>
          </div>
          <QuestionList questions={inTopic} hrefFor={(id) => `/q/${id}`} />
        </section>
      ))}
    </div>
  );
}
