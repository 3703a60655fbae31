/** Turning Postgres values into comparable, cloneable data, and data into SQL literals. */

const TEMPORAL = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Canonical ISO form of a date or timestamp string, or undefined if `text` is not one.
 * Dates stay `YYYY-MM-DD`; timestamps become `YYYY-MM-DDTHH:MM:SS[.fraction]` with trailing zeros
 * of the fraction dropped; a timestamp with an offset is converted to UTC and ends in `Z`.
 * '2024-03-01 10:00:00+02' and '2024-03-01T08:00:00Z' are the same instant and the same string.
 */
export function canonicalTemporal(text: string): string | undefined {
  const m = TEMPORAL.exec(text.trim());
  if (!m) return undefined;
  const [, date, hh, mm, ss = '00', fraction = '', zone] = m;
  if (hh === undefined) return date;
  const frac = fraction.replace(/0+$/, '');
  const tail = frac ? `.${frac}` : '';
  if (!zone) return `${date}T${hh}:${mm}:${ss}${tail}`;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const [y, mo, d] = (date as string).split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, Number(hh), Number(mm) - offsetMinutes, Number(ss)));
  const iso = utc.toISOString().slice(0, 19);
  return `${iso}${tail}Z`;
}

/** Postgres type names for the usual OIDs; others are looked up in pg_type. */
export const TYPE_NAMES: Record<number, string> = {
  16: 'boolean',
  17: 'bytea',
  18: 'char',
  19: 'name',
  20: 'bigint',
  21: 'smallint',
  23: 'integer',
  25: 'text',
  26: 'oid',
  114: 'json',
  700: 'real',
  701: 'double precision',
  705: 'unknown',
  1042: 'character',
  1043: 'character varying',
  1082: 'date',
  1083: 'time without time zone',
  1114: 'timestamp without time zone',
  1184: 'timestamp with time zone',
  1186: 'interval',
  1266: 'time with time zone',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb',
  1000: 'boolean[]',
  1005: 'smallint[]',
  1007: 'integer[]',
  1009: 'text[]',
  1016: 'bigint[]',
  1021: 'real[]',
  1022: 'double precision[]',
  1182: 'date[]',
  1231: 'numeric[]',
};

const asNumber = (text: string) => Number(text);
const asTemporal = (text: string) => canonicalTemporal(text) ?? text;

/**
 * Parsers handed to PGlite for every user query: numbers come back as JS numbers (bigint and
 * numeric included, so `count(*)` and `avg(x)` compare as numbers), dates and timestamps as
 * canonical ISO strings (the session's time zone is UTC).
 */
export const RESULT_PARSERS: Record<number, (text: string, typeId: number) => unknown> = {
  20: asNumber,
  1700: asNumber,
  1082: asTemporal,
  1114: asTemporal,
  1184: asTemporal,
};

/** A JS value as a SQL literal for INSERT … VALUES (Postgres casts it to the column's type). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `'${value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN'}'`;
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  // Arrays and objects go in as JSON text; a json/jsonb column takes them as they are.
  return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
}

/** Double-quotes an identifier when Postgres would otherwise fold or reject it. */
export function sqlIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
