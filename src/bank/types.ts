/** The compiled question bank as the app sees it: plain, immutable data built at build time. */
import type { DesignPhaseId } from './design-phases';

export type Kind = 'concept' | 'design' | 'coding';
export type Difficulty = 'easy' | 'medium' | 'hard';
export type DrillLanguage = 'python' | 'typescript';
/** Every language a drill can be written in: Python and TypeScript drills, and SQL drills. */
export type CodeLanguage = DrillLanguage | 'sql';

export const KINDS: readonly Kind[] = ['concept', 'design', 'coding'];
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export interface Topic {
  id: string;
  title: string;
  description: string;
  core: boolean;
}

/** What lists, search and session builders need; small enough to load up front. */
export interface QuestionSummary {
  id: string;
  /** A short name to scan in lists: plain words, never a formula. */
  title: string;
  topic: string;
  kind: Kind;
  difficulty: Difficulty;
  /** Time budget in seconds. */
  time: number;
  tags: string[];
  /**
   * The prompt as plain text (math left as its TeX source). Left out of the index every screen
   * loads (search reads it from its own chunk, see bank-search); always present on a Question.
   */
  promptText?: string;
}

export interface DrillTest {
  args: unknown[];
  expected: unknown;
  hidden: boolean;
  /** Used as both relative and absolute tolerance for numbers. */
  tol: number;
  note?: string;
}

export interface DrillLanguageSpec {
  function: string;
  signature: string;
  starter: string;
  solution: string;
  /** The reference solution as highlighted HTML. */
  solutionHtml: string;
}

/** A classic wrong answer kept in the drill file; CI proves each fails a test. Never sent to the browser. */
export interface WrongSolution {
  why: string;
  python?: string;
  typescript?: string;
}

export interface Drill {
  python: DrillLanguageSpec;
  typescript: DrillLanguageSpec;
  timeLimitMs: number;
  tests: DrillTest[];
  wrong?: WrongSolution[];
}

/** One table's rows for a SQL test: column names as the brief shows them, rows in that order. */
export interface SqlTable {
  columns: string[];
  rows: unknown[][];
}

export interface SqlDrillTest {
  /** Table name to rows; tables left out are empty. Loaded fresh for this test only. */
  data: Record<string, SqlTable>;
  /** The shared data set's name, when the test uses one. */
  dataName?: string;
  expected: { columns: string[]; rows: unknown[][] };
  /** Row order matters (the prompt asks for an ORDER BY). */
  ordered: boolean;
  hidden: boolean;
  /** Numbers compare within tol, relative and absolute. */
  tol: number;
  note?: string;
}

/** A classic wrong query kept in the drill file; CI proves each fails a test. Never sent to the browser. */
export interface SqlWrongQuery {
  why: string;
  sql: string;
}

/** A column of a SQL drill's table, read from its DDL at build time (for the brief). */
export interface SqlSchemaColumn {
  name: string;
  /** As written in the DDL: integer, text, numeric(10, 2), timestamptz… */
  type: string;
  notNull: boolean;
  /** 'PK', 'FK → table', or both. */
  key?: string;
  /** The column's `-- comment` in the DDL. */
  note?: string;
}

export interface SqlSchemaTable {
  name: string;
  columns: SqlSchemaColumn[];
}

/** A SQL drill: one query (PostgreSQL, run by PGlite) checked against each test's data. */
export interface SqlDrill {
  /** The DDL every test's data is loaded into. */
  schema: string;
  /** The DDL as highlighted HTML, for the brief. */
  schemaHtml: string;
  /** Tables, columns, types and keys read from the DDL; empty if it could not be parsed (show schemaHtml). */
  tables: SqlSchemaTable[];
  /** The shared dataset's name and one-line description, when the drill uses one. */
  dataset?: { name: string; description: string };
  starter: string;
  solution: string;
  solutionHtml: string;
  timeLimitMs: number;
  tests: SqlDrillTest[];
  wrong?: SqlWrongQuery[];
}

/** What the interviewer asks next, with a short answer the user reveals to check themselves. */
export interface FollowUp {
  questionHtml: string;
  answerHtml?: string;
  /** The design-round phase this follow-up probes (its `[phase]` tag); required for design questions. */
  phase?: DesignPhaseId;
}

/** A whole question with its Markdown rendered to sanitized HTML. */
export interface Question extends QuestionSummary {
  promptText: string;
  promptHtml: string;
  answerHtml: string;
  /** One HTML fragment per rubric point. */
  rubric: string[];
  /** The phase of each rubric point, parallel to `rubric`; present only when the question tags its points. */
  rubricPhases?: DesignPhaseId[];
  hints: string[];
  followUps: FollowUp[];
  drill?: Drill;
  /** SQL drills (kind coding, topic usually sql) have this instead of `drill`. */
  sqlDrill?: SqlDrill;
}

export interface BankIndex {
  topics: Topic[];
  questions: QuestionSummary[];
}
