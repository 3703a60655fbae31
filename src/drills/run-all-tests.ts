/** Runs every test of a drill (code or SQL) on a final answer and counts the passes: for a mock's self-assessment. */
import type { CodeLanguage, Question } from '../bank/types';
import { codeRunner } from './code-runner';
import type { SubmitResult } from './drill-work';
import { evaluateRun } from './evaluate-run';

export async function runAllTests(question: Question, language: CodeLanguage, source: string): Promise<SubmitResult> {
  const { drill, sqlDrill } = question;
  if (language === 'sql' && sqlDrill) {
    // Postgres's client loads only when a SQL answer is checked.
    const [{ sqlRunner }, { evaluateSqlRun }] = await Promise.all([import('./sql-work'), import('./sql')]);
    const result = await sqlRunner.run({
      query: source,
      schema: sqlDrill.schema,
      tests: sqlDrill.tests.map((t) => ({ data: t.data, expected: t.expected, ordered: t.ordered, tol: t.tol })),
      timeLimitMs: sqlDrill.timeLimitMs,
    }).result;
    const summary = result.kind === 'done' ? evaluateSqlRun(sqlDrill.tests, result.outcomes) : undefined;
    return { passed: summary?.passed ?? 0, total: sqlDrill.tests.length, allPassed: summary?.allPassed ?? false };
  }
  if (language === 'sql' || !drill) return { passed: 0, total: 0, allPassed: false };
  const result = await codeRunner.run(language, source, drill[language].function, drill.tests, drill.timeLimitMs)
    .result;
  const summary = result.kind === 'done' ? evaluateRun(drill.tests, result.outcomes) : undefined;
  return { passed: summary?.passed ?? 0, total: drill.tests.length, allPassed: summary?.allPassed ?? false };
}
