/** `npm run bank:check`: validates every question file and prints counts per topic, kind and difficulty. */
import { resolve } from 'node:path';
import { DIFFICULTIES, KINDS } from '../src/bank/types.ts';
import { compileBank, formatProblems } from './bank/compile.ts';

const bankDir = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'question-bank');
const { topics, questions, problems, unfinished } = compileBank(bankDir);

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

if (unfinished.length > 0) {
  const byTopic = new Map<string, number>();
  for (const u of unfinished) byTopic.set(u.file.split('/')[0], (byTopic.get(u.file.split('/')[0]) ?? 0) + 1);
  const summary = [...byTopic].map(([topic, n]) => `${topic} ${n}`).join(', ');
  console.log(`\n${unfinished.length} file(s) do not meet the finish rules yet (${summary}):`);
  if (process.argv.includes('--unfinished')) console.log(formatProblems(unfinished));
  else console.log('  run `npm run bank:check -- --unfinished` to list them');
}

if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the question bank:\n${formatProblems(problems)}`,
  );
  process.exit(1);
}
console.log(`\nOK: ${questions.length} questions in ${topics.length} topics.`);
