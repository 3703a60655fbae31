/**
 * Reads the tables, columns, types and keys out of a drill's CREATE TABLE statements, for the
 * brief's schema tables. Best effort for the plain DDL drills use (one column per line or
 * comma-separated, `-- comments` kept as notes); returns [] when it cannot parse, and the brief
 * then shows the DDL text alone.
 */

import type { SqlSchemaColumn as SchemaColumn, SqlSchemaTable as SchemaTable } from '../../bank/types';

export type { SchemaColumn, SchemaTable };

/** Splits on commas at parenthesis depth 0. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const CONSTRAINT_WORDS = /\s+(PRIMARY|NOT|NULL|REFERENCES|UNIQUE|CHECK|DEFAULT|CONSTRAINT|GENERATED|COLLATE)\b/i;

export function parseSchema(ddl: string): SchemaTable[] {
  const tables: SchemaTable[] = [];
  const re = /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("?[A-Za-z_][A-Za-z0-9_]*"?)\s*\(/gi;
  for (let m = re.exec(ddl); m; m = re.exec(ddl)) {
    // Find the matching close parenthesis, skipping comments.
    let depth = 1;
    let i = re.lastIndex;
    for (; i < ddl.length && depth > 0; i++) {
      if (ddl[i] === '-' && ddl[i + 1] === '-') {
        const nl = ddl.indexOf('\n', i);
        i = nl === -1 ? ddl.length : nl;
        continue;
      }
      if (ddl[i] === '(') depth++;
      else if (ddl[i] === ')') depth--;
    }
    const body = ddl.slice(re.lastIndex, i - 1);
    // Attach each `-- comment` to the column defined on its line; then drop comments.
    const notes = new Map<string, string>();
    const lines = body.split('\n').map((line) => {
      const at = line.indexOf('--');
      if (at === -1) return line;
      const code = line.slice(0, at);
      const col = /^\s*("?[A-Za-z_][A-Za-z0-9_]*"?)\s/.exec(code)?.[1];
      if (col) notes.set(col.replace(/"/g, ''), line.slice(at + 2).trim());
      return code;
    });
    const table: SchemaTable = { name: (m[1] as string).replace(/"/g, ''), columns: [] };
    const tableKeys: { cols: string[]; key: string }[] = [];
    for (const raw of splitTopLevel(lines.join('\n'))) {
      const item = raw.trim().replace(/\s+/g, ' ');
      if (!item) continue;
      const pk = /^(?:CONSTRAINT \S+ )?PRIMARY KEY \(([^)]*)\)/i.exec(item);
      if (pk) {
        tableKeys.push({ cols: (pk[1] as string).split(',').map((c) => c.trim()), key: 'PK' });
        continue;
      }
      const fk = /^(?:CONSTRAINT \S+ )?FOREIGN KEY \(([^)]*)\) REFERENCES ("?\w+"?)/i.exec(item);
      if (fk) {
        tableKeys.push({ cols: (fk[1] as string).split(',').map((c) => c.trim()), key: `FK → ${fk[2]}` });
        continue;
      }
      if (/^(CONSTRAINT|UNIQUE|CHECK|EXCLUDE)\b/i.test(item)) continue;
      const col = /^("?[A-Za-z_][A-Za-z0-9_]*"?) (.+)$/.exec(item);
      if (!col) return [];
      const name = (col[1] as string).replace(/"/g, '');
      const rest = col[2] as string;
      const cut = CONSTRAINT_WORDS.exec(` ${rest}`);
      const type = (cut ? ` ${rest}`.slice(0, cut.index) : ` ${rest}`).trim();
      const keys: string[] = [];
      if (/\bPRIMARY KEY\b/i.test(rest)) keys.push('PK');
      const ref = /\bREFERENCES ("?\w+"?)/i.exec(rest);
      if (ref) keys.push(`FK → ${(ref[1] as string).replace(/"/g, '')}`);
      const column: SchemaColumn = {
        name,
        type,
        notNull: /\bNOT NULL\b/i.test(rest) || keys.includes('PK'),
      };
      if (keys.length) column.key = keys.join(', ');
      const note = notes.get(name);
      if (note) column.note = note;
      table.columns.push(column);
    }
    for (const { cols, key } of tableKeys) {
      for (const c of table.columns) {
        if (!cols.includes(c.name)) continue;
        c.key = c.key ? `${c.key}, ${key}` : key;
        if (key === 'PK') c.notNull = true;
      }
    }
    tables.push(table);
  }
  return tables;
}
