/**
 * Reads question-bank/, validates every file and compiles it to the typed Bank the app imports.
 * All problems are collected (not just the first) and each names its file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { List, ListItem, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DESIGN_PHASE_IDS, type DesignPhaseId, isDesignPhaseId } from '../../src/bank/design-phases.ts';
import {
  frontMatterSchema,
  isSqlDrill,
  type SqlDrillFrontMatter,
  sqlDatasetFileSchema,
  topicsFileSchema,
} from '../../src/bank/schema.ts';
import type { DrillLanguage, FollowUp, Question, SqlDrill, SqlDrillTest, Topic } from '../../src/bank/types.ts';
import { parseSchema } from '../../src/drills/sql/ddl.ts';
import { parseMarkdown, renderNodes } from './render-markdown.ts';

export interface BankProblem {
  file: string;
  message: string;
}

export interface CompiledBank {
  topics: Topic[];
  questions: Question[];
  problems: BankProblem[];
}

/** The finish rules of the format: every question is titled and hinted, every follow-up answered. */
export const MIN_WRONG_SOLUTIONS = 3;
export function minimumHints(difficulty: Question['difficulty']): number {
  return difficulty === 'hard' ? 2 : 1;
}

/**
 * Design questions tag every rubric point and follow-up with a phase of the design round
 * (`- [estimate] ...`); on since every design question in the bank is tagged. Tests can override it.
 */
export const DESIGN_PHASES_REQUIRED = true;

export interface CompileOptions {
  /** Defaults to DESIGN_PHASES_REQUIRED. */
  requireDesignPhases?: boolean;
}

class ProblemInFile extends Error {}

const REQUIRED_SECTIONS = ['Prompt', 'Answer', 'Rubric'] as const;
const OPTIONAL_SECTIONS = ['Hints', 'Follow-ups'] as const;
const CODING_SECTIONS = ['Starter', 'Solution'] as const;
const KNOWN_SECTIONS = new Set<string>([...REQUIRED_SECTIONS, ...OPTIONAL_SECTIONS, ...CODING_SECTIONS]);

const FENCE_LANGUAGE: Record<DrillLanguage, string[]> = {
  python: ['python', 'py'],
  typescript: ['typescript', 'ts'],
};

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'front matter';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export function splitFrontMatter(source: string): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) throw new ProblemInFile('missing YAML front matter: the file must start with a `---` block');
  return { yaml: match[1], body: source.slice(match[0].length) };
}

/** Splits the body at level-2 headings (the Markdown parser already ignores ones inside code). */
function splitSections(body: string): Map<string, RootContent[]> {
  const tree = parseMarkdown(body);
  const sections = new Map<string, RootContent[]>();
  let current: RootContent[] | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const name = mdastToString(node).trim();
      if (!KNOWN_SECTIONS.has(name)) {
        throw new ProblemInFile(`unknown section "## ${name}" (known: ${[...KNOWN_SECTIONS].join(', ')})`);
      }
      if (sections.has(name)) throw new ProblemInFile(`section "## ${name}" appears twice`);
      current = [];
      sections.set(name, current);
    } else if (node.type === 'heading' && node.depth === 1) {
      throw new ProblemInFile('level-1 headings are not allowed; sections are `## Name`');
    } else if (current) {
      current.push(node);
    } else if (node.type !== 'html') {
      throw new ProblemInFile('text before the first section; start the body with `## Prompt`');
    }
  }
  return sections;
}

function listItems(name: string, nodes: RootContent[]): ListItem[] {
  const lists = nodes.filter((n): n is List => n.type === 'list');
  if (lists.length !== 1 || nodes.length !== 1) {
    throw new ProblemInFile(`section "## ${name}" must be a single bullet list`);
  }
  return lists[0].children;
}

function renderItem(item: ListItem): string {
  const html = renderNodes(item.children);
  // A one-paragraph item renders without its <p> wrapper, to sit inline in a list or checklist.
  return item.children.length === 1 ? html.replace(/^<p>([\s\S]*)<\/p>$/, '$1') : html;
}

function bulletItems(name: string, nodes: RootContent[]): string[] {
  return listItems(name, nodes).map(renderItem);
}

/** `[estimate] Does the arithmetic` : a word in brackets opening a bullet's first paragraph. */
const PHASE_TAG = /^\[([A-Za-z][A-Za-z-]*)\](?:\s+|$)/;

/** Removes a leading `[phase]` tag from a list item (in place) and returns its phase, if it has one. */
function takePhaseTag(item: ListItem, where: string): DesignPhaseId | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const text = paragraph.children[0];
  if (text?.type !== 'text') return undefined;
  const match = PHASE_TAG.exec(text.value);
  if (!match) return undefined;
  const tag = match[1];
  if (!isDesignPhaseId(tag)) {
    throw new ProblemInFile(`${where}: unknown phase tag "[${tag}]" (the phases are: ${DESIGN_PHASE_IDS.join(', ')})`);
  }
  text.value = text.value.slice(match[0].length);
  if (text.value === '') paragraph.children.shift();
  return tag;
}

/** The rubric's points as HTML, and their phases when the points are tagged (all of them or none). */
function rubricItems(nodes: RootContent[]): { rubric: string[]; phases: (DesignPhaseId | undefined)[] } {
  const items = listItems('Rubric', nodes);
  const phases = items.map((item, i) => takePhaseTag(item, `rubric point ${i + 1}`));
  return { rubric: items.map(renderItem), phases };
}

/** Each follow-up is the question, then its answer as a second paragraph of the same bullet. */
function followUpItems(nodes: RootContent[]): FollowUp[] {
  if (nodes.length === 0) return [];
  return listItems('Follow-ups', nodes).map((item, i) => {
    const phase = takePhaseTag(item, `follow-up ${i + 1}`);
    const [question, ...answer] = item.children;
    if (answer.length > 1) {
      throw new ProblemInFile(
        'a follow-up is two paragraphs: the question, then its answer indented under it (found more)',
      );
    }
    const inline = (html: string) => html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
    const followUp: FollowUp = {
      questionHtml: inline(renderNodes([question])),
      answerHtml: answer.length === 1 ? inline(renderNodes(answer)) : undefined,
    };
    if (phase !== undefined) followUp.phase = phase;
    return followUp;
  });
}

function codeBlockFor(name: string, nodes: RootContent[], language: DrillLanguage) {
  const blocks = nodes.filter(
    (n): n is Extract<RootContent, { type: 'code' }> =>
      n.type === 'code' && FENCE_LANGUAGE[language].includes((n.lang ?? '').toLowerCase()),
  );
  if (blocks.length !== 1) {
    throw new ProblemInFile(`section "## ${name}" needs exactly one \`\`\`${language} code block`);
  }
  return blocks[0];
}

/** What a compiled question lacks under the finish rules: enough hints, answered follow-ups, kept wrong answers. */
export function unfinishedParts(question: Question): string[] {
  const missing: string[] = [];
  const hints = minimumHints(question.difficulty);
  if (question.hints.length < hints) missing.push(`${question.hints.length} hint(s); needs ${hints}`);
  const unanswered = question.followUps.filter((f) => f.answerHtml === undefined).length;
  if (unanswered > 0) missing.push(`${unanswered} follow-up(s) without an answer`);
  const wrong = (question.drill ?? question.sqlDrill)?.wrong?.length ?? MIN_WRONG_SOLUTIONS;
  if (wrong < MIN_WRONG_SOLUTIONS) missing.push(`${wrong} kept wrong solution(s); needs ${MIN_WRONG_SOLUTIONS}`);
  return missing;
}

/** A rubric tags all its points or none (rubricPhases is parallel to rubric); design questions tag everything. */
function checkPhaseTags(
  kind: Question['kind'],
  phases: (DesignPhaseId | undefined)[],
  followUps: FollowUp[],
  required: boolean,
): DesignPhaseId[] | undefined {
  const untagged = (tags: (DesignPhaseId | undefined)[]) =>
    tags.flatMap((tag, i) => (tag === undefined ? [i + 1] : []));
  const rubricUntagged = untagged(phases);
  const followUpsUntagged = untagged(followUps.map((f) => f.phase));
  if (kind === 'design' && required && rubricUntagged.length + followUpsUntagged.length > 0) {
    const parts = [
      rubricUntagged.length > 0 ? `rubric point(s) ${rubricUntagged.join(', ')}` : '',
      followUpsUntagged.length > 0 ? `follow-up(s) ${followUpsUntagged.join(', ')}` : '',
    ].filter(Boolean);
    throw new ProblemInFile(
      `design questions tag every rubric point and follow-up with its phase, e.g. \`- [estimate] ...\`; ` +
        `untagged: ${parts.join('; ')} (the phases are: ${DESIGN_PHASE_IDS.join(', ')})`,
    );
  }
  if (rubricUntagged.length === phases.length) return undefined;
  if (rubricUntagged.length > 0) {
    throw new ProblemInFile(
      `the rubric tags some points with a phase but not point(s) ${rubricUntagged.join(', ')}; tag every point or none`,
    );
  }
  return phases as DesignPhaseId[];
}

export function compileQuestion(
  file: string,
  source: string,
  topicIds: Set<string>,
  options: CompileOptions = {},
): Question {
  const { yaml, body } = splitFrontMatter(source);
  let raw: unknown;
  try {
    raw = parseYaml(yaml, { prettyErrors: true });
  } catch (error) {
    throw new ProblemInFile(`bad YAML in front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = frontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ProblemInFile(describeZodError(parsed.error));
  const fm = parsed.data;

  if (!topicIds.has(fm.topic)) {
    throw new ProblemInFile(`unknown topic "${fm.topic}" (known: ${[...topicIds].join(', ')})`);
  }
  const folder = basename(join(file, '..'));
  if (folder !== fm.topic) throw new ProblemInFile(`topic "${fm.topic}" but the file is in folder "${folder}"`);
  if (basename(file, '.md') !== fm.id)
    throw new ProblemInFile(`id "${fm.id}" but the file is named "${basename(file)}"`);

  const sections = splitSections(body);
  const required = fm.kind === 'coding' ? [...REQUIRED_SECTIONS, ...CODING_SECTIONS] : REQUIRED_SECTIONS;
  for (const name of required) {
    const nodes = sections.get(name);
    if (!nodes || nodes.length === 0) throw new ProblemInFile(`missing or empty section "## ${name}"`);
  }
  if (fm.kind !== 'coding') {
    for (const name of CODING_SECTIONS) {
      if (sections.has(name)) throw new ProblemInFile(`section "## ${name}" is only for coding questions`);
    }
  }

  const { rubric, phases } = rubricItems(sections.get('Rubric') ?? []);
  const minimum = fm.kind === 'design' ? 5 : 3;
  if (rubric.length < minimum || rubric.length > 8) {
    throw new ProblemInFile(`the rubric has ${rubric.length} points; a ${fm.kind} question needs ${minimum} to 8`);
  }
  const optionalList = (name: string) => (sections.has(name) ? bulletItems(name, sections.get(name) ?? []) : []);
  const promptNodes = sections.get('Prompt') ?? [];
  const followUps = followUpItems(sections.get('Follow-ups') ?? []);
  const rubricPhases = checkPhaseTags(
    fm.kind,
    phases,
    followUps,
    options.requireDesignPhases ?? DESIGN_PHASES_REQUIRED,
  );

  const question: Question = {
    id: fm.id,
    title: fm.title,
    topic: fm.topic,
    kind: fm.kind,
    difficulty: fm.difficulty,
    time: fm.time,
    tags: fm.tags,
    promptText: promptNodes
      .map((n) => mdastToString(n, { includeHtml: false }))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    promptHtml: renderNodes(promptNodes),
    answerHtml: renderNodes(sections.get('Answer') ?? []),
    rubric,
    hints: optionalList('Hints'),
    followUps,
  };
  if (rubricPhases) question.rubricPhases = rubricPhases;
  const drill = fm.drill;
  if (drill && isSqlDrill(drill)) {
    question.sqlDrill = compileSqlDrill(file, drill, sections);
  } else if (drill) {
    const starter = sections.get('Starter') ?? [];
    const solution = sections.get('Solution') ?? [];
    const spec = (language: DrillLanguage) => {
      const solutionBlock = codeBlockFor('Solution', solution, language);
      return {
        ...drill[language],
        starter: `${codeBlockFor('Starter', starter, language).value.trimEnd()}\n`,
        solution: `${solutionBlock.value.trimEnd()}\n`,
        solutionHtml: renderNodes([solutionBlock]),
      };
    };
    question.drill = {
      python: spec('python'),
      typescript: spec('typescript'),
      timeLimitMs: drill.timeLimitMs,
      tests: drill.tests,
      wrong: drill.wrong,
    };
  }
  const missing = unfinishedParts(question);
  if (missing.length > 0) throw new ProblemInFile(missing.join('; '));
  return question;
}

/** Shared SQL datasets: question-bank/<topic>/datasets/<name>.yaml, read once per compile. */
const datasetCache = new Map<string, ReturnType<typeof sqlDatasetFileSchema.parse>>();

function readSqlDataset(questionFile: string, name: string) {
  const path = join(dirname(questionFile), 'datasets', `${name}.yaml`);
  const cached = datasetCache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProblemInFile(
      `SQL dataset "${name}" (datasets/${name}.yaml): ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = sqlDatasetFileSchema.safeParse(raw);
  if (!parsed.success) throw new ProblemInFile(`SQL dataset datasets/${name}.yaml: ${describeZodError(parsed.error)}`);
  datasetCache.set(path, parsed.data);
  return parsed.data;
}

function checkSqlTable(where: string, table: { columns: string[]; rows: unknown[][] }) {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new ProblemInFile(`${where}, row ${i + 1}: ${row.length} values for ${table.columns.length} columns`);
    }
  });
}

function compileSqlDrill(file: string, drill: SqlDrillFrontMatter, sections: Map<string, RootContent[]>): SqlDrill {
  const dataset = drill.sql.dataset !== undefined ? readSqlDataset(file, drill.sql.dataset) : undefined;
  const schema = `${(dataset?.schema ?? drill.sql.schema ?? '').trim()}\n`;
  const sqlBlock = (name: string) => {
    const blocks = (sections.get(name) ?? []).filter(
      (n): n is Extract<RootContent, { type: 'code' }> => n.type === 'code' && (n.lang ?? '').toLowerCase() === 'sql',
    );
    if (blocks.length !== 1) throw new ProblemInFile(`section "## ${name}" needs exactly one \`\`\`sql code block`);
    return blocks[0];
  };
  const tests: SqlDrillTest[] = drill.tests.map((test, index) => {
    const where = `drill.tests.${index}`;
    let data = test.data;
    let dataName: string | undefined;
    if (typeof data === 'string') {
      dataName = data;
      const named = dataset?.data[data];
      if (!named) {
        throw new ProblemInFile(
          `${where}.data: no data set "${data}"${dataset ? ` in datasets/${drill.sql.dataset}.yaml` : ' (the drill has no dataset)'}`,
        );
      }
      data = named;
    }
    for (const [table, rows] of Object.entries(data)) checkSqlTable(`${where}.data.${table}`, rows);
    checkSqlTable(`${where}.expected`, test.expected);
    const compiled: SqlDrillTest = {
      data,
      expected: test.expected,
      ordered: test.ordered ?? drill.ordered,
      hidden: test.hidden,
      tol: test.tol,
    };
    if (dataName !== undefined) compiled.dataName = dataName;
    if (test.note !== undefined) compiled.note = test.note;
    return compiled;
  });
  const solutionBlock = sqlBlock('Solution');
  const compiled: SqlDrill = {
    schema,
    schemaHtml: renderNodes([{ type: 'code', lang: 'sql', value: schema.trimEnd() }]),
    tables: parseSchema(schema),
    starter: `${sqlBlock('Starter').value.trimEnd()}\n`,
    solution: `${solutionBlock.value.trimEnd()}\n`,
    solutionHtml: renderNodes([solutionBlock]),
    timeLimitMs: drill.timeLimitMs,
    tests,
    wrong: drill.wrong,
  };
  if (dataset && drill.sql.dataset) compiled.dataset = { name: drill.sql.dataset, description: dataset.description };
  return compiled;
}

function readTopics(bankDir: string, problems: BankProblem[]): Topic[] {
  const file = join(bankDir, 'topics.yaml');
  try {
    const parsed = topicsFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new ProblemInFile(describeZodError(parsed.error));
    return parsed.data;
  } catch (error) {
    problems.push({ file: 'topics.yaml', message: (error as Error).message });
    return [];
  }
}

/** Compiles the whole bank; never throws for content problems, it lists them instead. */
export function compileBank(bankDir: string, options: CompileOptions = {}): CompiledBank {
  datasetCache.clear();
  const problems: BankProblem[] = [];
  const topics = readTopics(bankDir, problems);
  const topicIds = new Set(topics.map((t) => t.id));
  const questions: Question[] = [];
  const fileById = new Map<string, string>();

  const folders = readdirSync(bankDir).filter((name) => statSync(join(bankDir, name)).isDirectory());
  for (const folder of folders.sort()) {
    const files = readdirSync(join(bankDir, folder)).filter((name) => name.endsWith('.md'));
    for (const name of files.sort()) {
      const path = join(bankDir, folder, name);
      const file = relative(bankDir, path);
      try {
        const question = compileQuestion(path, readFileSync(path, 'utf8'), topicIds, options);
        const earlier = fileById.get(question.id);
        if (earlier) throw new ProblemInFile(`duplicate id "${question.id}", also used by ${earlier}`);
        fileById.set(question.id, file);
        questions.push(question);
      } catch (error) {
        problems.push({ file, message: (error as Error).message });
      }
    }
  }
  return { topics, questions, problems };
}

export function formatProblems(problems: BankProblem[]): string {
  return problems.map((p) => `  question-bank/${p.file}: ${p.message}`).join('\n');
}
