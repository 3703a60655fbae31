/**
 * Mocks live in the progress store's key-value records (`mock:<id>`), so they travel in the
 * backup file with everything else. `mock-active` points at the mock in progress, if any.
 */
import { mockSessionSchema } from '../storage/mock-record-schema';
import { progressRepository } from '../storage/progress-connection';
import type { MockSession } from './mock-types';

const PREFIX = 'mock:';
const ACTIVE_KEY = 'mock-active';

/**
 * Mocks can arrive from an imported backup, so a stored record is checked in full before any
 * screen uses it: a damaged one is skipped, never allowed to crash the report or the dashboard.
 * (The repository already reads `mock:` records through their versioned kind; this is for values
 * from elsewhere.)
 */
export function isMockSession(value: unknown): value is MockSession {
  return mockSessionSchema.safeParse(value).success;
}

export async function loadMock(id: string): Promise<MockSession | undefined> {
  const value = await (await progressRepository()).getValue(PREFIX + id);
  return isMockSession(value) ? value : undefined;
}

export async function saveMock(session: MockSession): Promise<void> {
  const repo = await progressRepository();
  await repo.setValue(PREFIX + session.id, session);
  if (session.status === 'done') {
    if ((await repo.getValue(ACTIVE_KEY)) === session.id) await repo.deleteValue(ACTIVE_KEY);
  } else {
    await repo.setValue(ACTIVE_KEY, session.id);
  }
}

/** Every stored mock, newest first (records that are not mocks, e.g. from a damaged import, are skipped). */
export async function listMocks(): Promise<MockSession[]> {
  const records = await (await progressRepository()).valuesWithPrefix<unknown>(PREFIX);
  return records
    .map((r) => r.value)
    .filter(isMockSession)
    .sort((a, b) => b.createdAt - a.createdAt);
}

export async function activeMock(): Promise<MockSession | undefined> {
  const id = await (await progressRepository()).getValue<string>(ACTIVE_KEY);
  if (typeof id !== 'string') return undefined;
  const session = await loadMock(id);
  return session && session.status !== 'done' ? session : undefined;
}
