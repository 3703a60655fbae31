/**
 * The schema of a question file's front matter. Used at build time (scripts/bank) and by the
 * content tests; the browser only ever sees the compiled types in ./types, which are inferred from
 * these schemas (imported as types only, so zod stays out of the app bundle).
 */
import { z } from 'zod';
// With its extension: the Vite config loads this file (scripts/vite-plugin-bank.ts) outside the bundler.
import { DIFFICULTIES, KINDS } from './types.ts';

export const DEFAULT_TOLERANCE = 1e-6;
export const DEFAULT_TIME_LIMIT_MS = 5000;

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and dashes');

export const topicSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(3),
  description: z.string().min(10),
  core: z.boolean(),
});
export const topicsFileSchema = z.array(topicSchema).min(1);

export const languageSchema = z.strictObject({
  function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier'),
  signature: z.string().min(5),
});

export const drillTestSchema = z.strictObject({
  args: z.array(z.unknown()),
  expected: z.unknown().refine((value) => value !== undefined, 'expected is required'),
  hidden: z.boolean().default(false),
  /** Used as both relative and absolute tolerance for numbers. */
  tol: z.number().nonnegative().default(DEFAULT_TOLERANCE),
  note: z.string().optional(),
});

/** A classic wrong answer kept as data: CI proves it fails at least one test. */
export const wrongSolutionSchema = z
  .strictObject({
    why: z.string().min(5),
    python: z.string().min(1).optional(),
    typescript: z.string().min(1).optional(),
  })
  .refine(
    (w) => w.python !== undefined || w.typescript !== undefined,
    'a wrong solution needs `python` or `typescript` code',
  );

export const drillSchema = z.strictObject({
  python: languageSchema,
  typescript: languageSchema,
  timeLimitMs: z.int().min(100).max(60_000).default(DEFAULT_TIME_LIMIT_MS),
  wrong: z.array(wrongSolutionSchema).default([]),
  tests: z
    .array(drillTestSchema)
    .min(2)
    .refine((tests) => tests.some((t) => !t.hidden), 'needs at least one visible test')
    .refine((tests) => tests.some((t) => t.hidden), 'needs at least one hidden test'),
});

/* SQL drills: `drill: { sql: {...}, tests, wrong }`; the data of each test is loaded fresh. */

export const sqlTableSchema = z.strictObject({
  columns: z.array(z.string().min(1)).min(1),
  rows: z.array(z.array(z.unknown())),
});
/** Table name to rows; a table left out stays empty for that test. */
const sqlDataSchema = z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'table names are lower-case'), sqlTableSchema);

export const sqlDatasetFileSchema = z.strictObject({
  /** One line for the brief: what the data is. */
  description: z.string().min(5),
  /** The DDL: CREATE TABLE statements. */
  schema: z.string().min(10),
  /** Named data sets that tests refer to by name. */
  data: z.record(z.string(), sqlDataSchema).default({}),
});

export const sqlDrillTestSchema = z.strictObject({
  /** A data set named in the dataset file, or the tables inline. */
  data: z.union([z.string().min(1), sqlDataSchema]),
  expected: z.strictObject({
    columns: z.array(z.string().min(1)).min(1),
    rows: z.array(z.array(z.unknown())),
  }),
  /** Overrides the drill's `ordered` for this test. */
  ordered: z.boolean().optional(),
  hidden: z.boolean().default(false),
  /** Numbers compare within tol, relative and absolute. */
  tol: z.number().nonnegative().default(DEFAULT_TOLERANCE),
  note: z.string().optional(),
});

export const sqlWrongSchema = z.strictObject({ why: z.string().min(5), sql: z.string().min(1) });

export const sqlDrillSchema = z.strictObject({
  sql: z
    .strictObject({
      /** A shared dataset: question-bank/sql/datasets/<name>.yaml (schema and named data sets). */
      dataset: kebabId.optional(),
      /** The DDL, when the drill has its own tables. */
      schema: z.string().min(10).optional(),
    })
    .refine((s) => (s.dataset === undefined) !== (s.schema === undefined), 'give exactly one of `dataset` or `schema`'),
  /** Row order matters (the prompt asks for an ORDER BY). Default false. */
  ordered: z.boolean().default(false),
  timeLimitMs: z.int().min(100).max(60_000).default(DEFAULT_TIME_LIMIT_MS),
  wrong: z.array(sqlWrongSchema).default([]),
  tests: z
    .array(sqlDrillTestSchema)
    .min(2)
    .refine((tests) => tests.some((t) => !t.hidden), 'needs at least one visible test')
    .refine((tests) => tests.some((t) => t.hidden), 'needs at least one hidden test'),
});

export type SqlDrillFrontMatter = z.infer<typeof sqlDrillSchema>;
export type CodeDrillFrontMatter = z.infer<typeof drillSchema>;

/** A drill block is a SQL drill when it has `sql:`, else a Python/TypeScript drill. */
const anyDrillSchema = z.unknown().transform((value, ctx): CodeDrillFrontMatter | SqlDrillFrontMatter => {
  const isSql = typeof value === 'object' && value !== null && 'sql' in value;
  const parsed = (isSql ? sqlDrillSchema : drillSchema).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

export function isSqlDrill(drill: CodeDrillFrontMatter | SqlDrillFrontMatter): drill is SqlDrillFrontMatter {
  return 'sql' in drill;
}

export const frontMatterSchema = z
  .strictObject({
    id: kebabId,
    /** A short name to scan in lists: plain words, never a formula. */
    title: z
      .string()
      .min(3)
      .max(70)
      .regex(/^[^$\\]*$/, 'a title is plain words: no `$` and no backslash (no LaTeX)'),
    topic: kebabId,
    kind: z.enum(KINDS),
    difficulty: z.enum(DIFFICULTIES),
    /** Time budget in seconds. */
    time: z.int().min(30).max(3600),
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9+.#-]*$/, 'tags are lower-case')).default([]),
    drill: anyDrillSchema.optional(),
  })
  .refine((fm) => (fm.kind === 'coding') === (fm.drill !== undefined), {
    message: 'a `drill` block is required for kind coding and only allowed there',
    path: ['drill'],
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
