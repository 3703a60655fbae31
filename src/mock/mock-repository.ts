/**
 * The mock store's storage, wired to the page's progress service (which keeps mocks as `mock:<id>`
 * records, so they travel in backups, and announces every save).
 */
import { progressService } from '../service/service-connection';
import type { MockSession } from './mock-types';

export { isMockSession } from '../service/progress-service';

export async function loadMock(id: string): Promise<MockSession | undefined> {
  return (await progressService()).loadMock(id);
}

export async function saveMock(session: MockSession): Promise<void> {
  await (await progressService()).saveMock(session);
}
