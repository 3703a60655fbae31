/**
 * The schema of a question file's front matter. Used at build time (scripts/bank) and by the
 * content tests; the browser only ever sees the compiled types in ./types.
 */
import { z } from 'zod';

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

const languageSchema = z.strictObject({
  function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier'),
  signature: z.string().min(5),
});

const drillTestSchema = z.strictObject({
  args: z.array(z.unknown()),
  expected: z.unknown().refine((value) => value !== undefined, 'expected is required'),
  hidden: z.boolean().default(false),
  tol: z.number().nonnegative().default(DEFAULT_TOLERANCE),
  note: z.string().optional(),
});

/** A classic wrong answer kept as data: CI proves it fails at least one test. */
const wrongSolutionSchema = z
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

export const frontMatterSchema = z
  .strictObject({
    id: kebabId,
    title: z
      .string()
      .min(3)
      .max(70)
      .regex(/^[^$\\]*$/, 'a title is plain words: no `$` and no backslash (no LaTeX)')
      .optional(),
    topic: kebabId,
    kind: z.enum(['concept', 'design', 'coding']),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    time: z.int().min(30).max(3600),
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9+.#-]*$/, 'tags are lower-case')).default([]),
    drill: drillSchema.optional(),
  })
  .refine((fm) => (fm.kind === 'coding') === (fm.drill !== undefined), {
    message: 'a `drill` block is required for kind coding and only allowed there',
    path: ['drill'],
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
