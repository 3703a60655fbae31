/**
 * Prints line coverage per room of src/, logic (.ts) apart from components (.tsx), from the
 * json-summary that `vitest run --coverage` writes. Workers are listed apart: they run in a
 * browser worker, so only the e2e suite exercises them.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface Figures {
  total: number;
  covered: number;
}
type Summary = Record<string, { lines: Figures }>;

const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8')) as Summary;
const groups = new Map<string, Figures>();
const add = (group: string, lines: Figures) => {
  const sum = groups.get(group) ?? { total: 0, covered: 0 };
  groups.set(group, { total: sum.total + lines.total, covered: sum.covered + lines.covered });
};

for (const [file, { lines }] of Object.entries(summary)) {
  if (file === 'total') continue;
  const path = relative(process.cwd(), file);
  const room = path.split('/')[1] ?? '?';
  const part = path.endsWith('.worker.ts') ? 'worker' : path.endsWith('.tsx') ? 'components' : 'logic';
  add(`${room} ${part}`, lines);
  add(`all ${part}`, lines);
}

const percent = ({ total, covered }: Figures) => (total === 0 ? '-' : `${((100 * covered) / total).toFixed(1)}%`);
console.log('room        part         lines   covered');
for (const [group, figures] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const [room, part] = group.split(' ');
  console.log(
    `${room.padEnd(12)}${part.padEnd(12)}${String(figures.total).padStart(6)}   ${percent(figures).padStart(6)}`,
  );
}
