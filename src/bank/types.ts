/**
 * The compiled question bank as the app sees it: plain, immutable data built at build time.
 * The lists (kinds, difficulties, languages) are defined here once; the front-matter schema
 * (./schema) builds its enums from them, and every type the schema describes is inferred from it.
 * Types are imported from ./schema only as types, so zod never reaches the browser through here.
 */
import type { z } from 'zod';
import type { DesignPhaseId } from './design-phases';
import type {
  CodeDrillFrontMatter,
  drillTestSchema,
  frontMatterSchema,
  languageSchema,
  sqlDrillTestSchema,
  sqlTableSchema,
  sqlWrongSchema,
  topicSchema,
  wrongSolutionSchema,
} from './schema';

export const KINDS = ['concept', 'design', 'coding'] as const;
export type Kind = (typeof KINDS)[number];
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
/** The languages of a Python/TypeScript drill: each has its own signature, starter and solution. */
export const DRILL_LANGUAGES = ['python', 'typescript'] as const;
export type DrillLanguage = (typeof DRILL_LANGUAGES)[number];
/** Every language a drill can be written in: Python and TypeScript drills, and SQL drills. */
export const CODE_LANGUAGES = [...DRILL_LANGUAGES, 'sql'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    (list as readonly unknown[]).includes(value);
export const isKind = isOneOf(KINDS);
export const isDifficulty = isOneOf(DIFFICULTIES);
export const isDrillLanguage = isOneOf(DRILL_LANGUAGES);

export type Topic = z.output<typeof topicSchema>;

/**
 * What lists, search and session builders need; small enough to load up front: the front matter
 * without its drill block, plus the prompt as plain text (math left as its TeX source). The prompt
 * is left out of the index every screen loads (search reads it from its own chunk, see
 * bank-search); it is always present on a Question.
 */
export type QuestionSummary = Omit<z.output<typeof frontMatterSchema>, 'drill'> & { promptText?: string };

/** One test of a Python/TypeScript drill, as the schema reads it (defaults filled in). */
export type DrillTest = z.output<typeof drillTestSchema>;

/** A drill language as the front matter names it, plus the starter and solution read from the Markdown body. */
export type DrillLanguageSpec = z.output<typeof languageSchema> & {
  starter: string;
  solution: string;
  /** The reference solution as highlighted HTML. */
  solutionHtml: string;
};

/** A classic wrong answer kept in the drill file; CI proves each fails a test. Never sent to the browser. */
export type WrongSolution = z.output<typeof wrongSolutionSchema>;

/** A compiled Python/TypeScript drill: the front matter's drill block with each language filled in from the body. */
export type Drill = Omit<CodeDrillFrontMatter, 'python' | 'typescript' | 'wrong'> & {
  python: DrillLanguageSpec;
  typescript: DrillLanguageSpec;
  /** Kept for the build's checks; left out of what the browser loads. */
  wrong?: WrongSolution[];
};

/** One table's rows for a SQL test: column names as the brief shows them, rows in that order. */
export type SqlTable = z.output<typeof sqlTableSchema>;

/**
 * A SQL test as compiled: a named data set is resolved to its tables (`data`, loaded fresh for
 * this test only; tables left out are empty), and `ordered` falls back to the drill's.
 */
export type SqlDrillTest = Omit<z.output<typeof sqlDrillTestSchema>, 'data' | 'ordered'> & {
  data: Record<string, SqlTable>;
  /** The shared data set's name, when the test uses one. */
  dataName?: string;
  /** Row order matters (the prompt asks for an ORDER BY). */
  ordered: boolean;
};

/** A classic wrong query kept in the drill file; CI proves each fails a test. Never sent to the browser. */
export type SqlWrongQuery = z.output<typeof sqlWrongSchema>;

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

/**
 * A SQL drill: one query (PostgreSQL, run by PGlite) checked against each test's data. Kept as an
 * interface: most of it is made at build time (resolved DDL, parsed tables, rendered HTML).
 */
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

/** What the interviewer asks next (built from the Markdown body, so not in the schema), with a short answer the user reveals to check themselves. */
export interface FollowUp {
  questionHtml: string;
  answerHtml?: string;
  /** The design-round phase this follow-up probes (its `[phase]` tag); required for design questions. */
  phase?: DesignPhaseId;
}

/** A whole question with its Markdown rendered to sanitized HTML (build-time output, not in the schema). */
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

/** The compiled index every screen loads; assembled by the build, so not in the schema. */
export interface BankIndex {
  topics: Topic[];
  questions: QuestionSummary[];
}
