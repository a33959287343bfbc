import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stockholmDay as fromMembership } from '../../../shared/domain/membership';
import { stockholmDate, stockholmDay } from '../../../shared/domain/stockholm-date';
import { stockholmDate as fromSendWindow } from '../../../shared/reminders/send-window';
import { stockholmToday } from '../../../web/src/pages/admin/lib/contact-move';

const SOURCE = path.join(__dirname, '../../../shared/domain/stockholm-date.ts');

describe('the one Stockholm calendar-date module', () => {
  it('gives the Stockholm date on both sides of midnight, in winter and in summer', () => {
    expect(stockholmDay(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31');
    expect(stockholmDay(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
    expect(stockholmDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(stockholmDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-03-29T00:30:00Z'))).toEqual({ year: 2026, month: 3, day: 29 });
  });

  it('is the function membership, the send window and the console’s move dialog use', () => {
    expect(fromMembership).toBe(stockholmDay);
    expect(fromSendWindow).toBe(stockholmDate);
    const at = new Date('2025-12-31T23:30:00Z');
    expect(stockholmToday(at)).toBe(stockholmDay(at));
  });

  it('imports nothing at run time, so the console’s pages can use it without zod', () => {
    const imports = readFileSync(SOURCE, 'utf8').match(/^import .*$/gm) ?? [];
    expect(imports.filter((line) => !line.startsWith('import type '))).toEqual([]);
  });
});
