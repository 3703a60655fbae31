/**
 * A stored record shape with a version number and numbered migrations. Reading takes a value
 * written by any earlier version, migrates it step by step and validates it against the current
 * schema; a newer, unknown or damaged value becomes a result the caller can report and skip,
 * never an exception. Values stored before versions existed count as version 1.
 */
import type * as z from 'zod/mini';

/** migrations[n] turns a version n-1 value into a version n value (n >= 2). */
export type Migrations = Readonly<Record<number, (previous: unknown) => unknown>>;

export type RecordRead<T> =
  | { ok: true; value: T; fromVersion: number }
  | { ok: false; reason: 'newer' | 'damaged'; message: string };

export interface VersionedRecord<T> {
  readonly version: number;
  readonly schema: z.ZodMiniType<T>;
  /** `storedVersion` undefined means "written before records had versions": version 1. */
  read(value: unknown, storedVersion: number | undefined): RecordRead<T>;
}

export function versionedRecord<T>(definition: {
  version: number;
  schema: z.ZodMiniType<T>;
  migrations?: Migrations;
}): VersionedRecord<T> {
  const { version, schema, migrations = {} } = definition;
  for (let v = 2; v <= version; v++) {
    if (!migrations[v]) throw new Error(`versionedRecord: version ${version} needs a migration to version ${v}`);
  }
  return {
    version,
    schema,
    read(value, storedVersion = 1) {
      if (!Number.isInteger(storedVersion) || storedVersion < 1) {
        return { ok: false, reason: 'damaged', message: `unknown record version ${String(storedVersion)}` };
      }
      if (storedVersion > version) {
        return {
          ok: false,
          reason: 'newer',
          message: `written by a newer version of Drillbook (record version ${storedVersion}, this one reads up to ${version})`,
        };
      }
      let current = value;
      try {
        for (let v = storedVersion + 1; v <= version; v++)
          current = (migrations[v] as (p: unknown) => unknown)(current);
      } catch (error) {
        return { ok: false, reason: 'damaged', message: `could not be upgraded: ${(error as Error).message}` };
      }
      const parsed = schema.safeParse(current);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, reason: 'damaged', message: `${issue?.path.join('.') || 'value'}: ${issue?.message}` };
      }
      return { ok: true, value: parsed.data, fromVersion: storedVersion };
    },
  };
}
