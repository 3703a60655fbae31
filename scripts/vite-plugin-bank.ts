/**
 * Vite plugin: compiles question-bank/ at build (and dev) time into virtual modules, so the
 * browser gets typed data and ready HTML, and no Markdown or KaTeX JavaScript.
 *   virtual:bank-index          topics + question summaries + a lazy loader per question
 *   virtual:bank-question/<id>  one whole question (its own chunk, loaded when opened)
 * A broken question file fails the build with the file and the problem named.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Question, QuestionSummary } from '../src/bank/types.ts';
import { type CompiledBank, compileBank, formatProblems } from './bank/compile.ts';

const INDEX_ID = 'virtual:bank-index';
const SEARCH_ID = 'virtual:bank-search';
const QUESTION_PREFIX = 'virtual:bank-question/';

function summaryOf(q: Question): QuestionSummary {
  return {
    id: q.id,
    title: q.title,
    topic: q.topic,
    kind: q.kind,
    difficulty: q.difficulty,
    time: q.time,
    tags: q.tags,
    // No promptText: 700 prompts would double the index every screen loads. Search loads them
    // from virtual:bank-search when the user types.
  };
}

/** The kept wrong solutions are CI data: the browser never needs them. */
function forBrowser(q: Question): Question {
  const shown = { ...q };
  if (q.drill?.wrong) {
    const { wrong: _ciOnly, ...drill } = q.drill;
    shown.drill = drill;
  }
  if (q.sqlDrill?.wrong) {
    const { wrong: _ciOnly, ...sqlDrill } = q.sqlDrill;
    shown.sqlDrill = sqlDrill;
  }
  return shown;
}

export function bankPlugin(bankDir = resolve('question-bank')): Plugin {
  bankDir = resolve(bankDir);
  let bank: CompiledBank | undefined;
  let server: ViteDevServer | undefined;

  const load = (): CompiledBank => {
    bank ??= compileBank(bankDir);
    if (bank.problems.length > 0) {
      const message = `The question bank has ${bank.problems.length} problem(s):\n${formatProblems(bank.problems)}`;
      bank = undefined;
      throw new Error(message);
    }
    return bank;
  };

  return {
    name: 'drillbook-bank',
    configureServer(devServer) {
      server = devServer;
    },
    buildStart() {
      this.addWatchFile(bankDir);
      load();
    },
    resolveId(id) {
      if (id === INDEX_ID || id === SEARCH_ID || id.startsWith(QUESTION_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${INDEX_ID}`) {
        const { topics, questions } = load();
        const loaders = questions
          .map((q) => `  ${JSON.stringify(q.id)}: () => import(${JSON.stringify(QUESTION_PREFIX + q.id)})`)
          .join(',\n');
        const index = { topics, questions: questions.map(summaryOf) };
        return `export const index = JSON.parse(${JSON.stringify(JSON.stringify(index))});\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (id === `\0${SEARCH_ID}`) {
        const prompts = Object.fromEntries(load().questions.map((q) => [q.id, q.promptText]));
        return `export const prompts = JSON.parse(${JSON.stringify(JSON.stringify(prompts))});\n`;
      }
      if (id.startsWith(`\0${QUESTION_PREFIX}`)) {
        const wanted = id.slice(`\0${QUESTION_PREFIX}`.length);
        const question = load().questions.find((q) => q.id === wanted);
        if (!question) throw new Error(`No question with id "${wanted}"`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(forBrowser(question)))});\n`;
      }
      return null;
    },
    handleHotUpdate({ file }) {
      if (!file.startsWith(bankDir) || !server) return;
      bank = undefined;
      for (const mod of server.moduleGraph.idToModuleMap.values()) {
        if (mod.id?.startsWith('\0virtual:bank-')) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
