/** Mock records keep the code of every drill language, SQL included, and older records still read. */
import { describe, expect, it } from 'vitest';
import { isMockSession } from '../../src/service/progress-service';
import { sampleMock } from '../support/sample-mock';

describe('a mock record with code', () => {
  it('accepts a SQL answer alongside the Python and TypeScript ones', () => {
    const mock = sampleMock(Date.UTC(2026, 11, 1));
    const withSql = {
      ...mock,
      items: mock.items.map((item) =>
        item.kind === 'coding' ? { ...item, code: { language: 'sql', sources: { sql: 'SELECT 1;' } } } : item,
      ),
    };
    expect(isMockSession(withSql)).toBe(true);
  });

  it('still reads a record written before SQL existed', () => {
    const mock = sampleMock(Date.UTC(2026, 11, 1));
    const older = {
      ...mock,
      items: mock.items.map((item) =>
        item.kind === 'coding' ? { ...item, code: { language: 'python', sources: { python: 'def f(): pass' } } } : item,
      ),
    };
    expect(isMockSession(older)).toBe(true);
  });

  it('rejects a language no runner knows', () => {
    const mock = sampleMock(Date.UTC(2026, 11, 1));
    const odd = {
      ...mock,
      items: mock.items.map((item) =>
        item.kind === 'coding' ? { ...item, code: { language: 'cobol', sources: {} } } : item,
      ),
    };
    expect(isMockSession(odd)).toBe(false);
  });
});
