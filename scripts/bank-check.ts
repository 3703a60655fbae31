/** `npm run bank:check`: validates every question file and prints counts per topic, kind and difficulty. */
import { resolve } from 'node:path';
import { DIFFICULTIES, KINDS } from '../src/bank/types.ts';
import { compileBank, formatProblems } from './bank/compile.ts';

const bankDir = resolve(process.argv[2] ?? 'question-bank');
const { topics, questions, problems } = compileBank(bankDir);

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const header = `${pad('topic', 24)}${pad('total', 7)}${KINDS.map((k) => pad(k, 9)).join('')}${DIFFICULTIES.map((d) => pad(d, 8)).join('')}`;
console.log(header);
for (const topic of topics) {
  const mine = questions.filter((q) => q.topic === topic.id);
  const kinds = KINDS.map((k) => pad(mine.filter((q) => q.kind === k).length, 9)).join('');
  const levels = DIFFICULTIES.map((d) => pad(mine.filter((q) => q.difficulty === d).length, 8)).join('');
  console.log(`${pad(topic.id, 24)}${pad(mine.length, 7)}${kinds}${levels}`);
}
const kindTotals = KINDS.map((k) => pad(questions.filter((q) => q.kind === k).length, 9)).join('');
const levelTotals = DIFFICULTIES.map((d) => {
  const n = questions.filter((q) => q.difficulty === d).length;
  return pad(`${n}`, 8);
}).join('');
console.log(`${pad('all', 24)}${pad(questions.length, 7)}${kindTotals}${levelTotals}`);

if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the question bank:\n${formatProblems(problems)}`,
  );
  process.exit(1);
}
console.log(`\nOK: ${questions.length} questions in ${topics.length} topics.`);
