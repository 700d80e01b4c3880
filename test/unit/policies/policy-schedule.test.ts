import fc from 'fast-check';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';
import { plannedSteps, stepDate } from '../../../shared/domain/policies/policy-schedule';
import { POLICY_ACTIONS } from '../../../shared/domain/policies/policy';
import { addDays, daysBetween } from '../../../shared/domain/time/calendar-date';

describe('stepDate', () => {
  it('counts calendar days from the due date, across month, year and leap day', () => {
    expect(stepDate('2026-03-10', { offsetDays: -7 })).toBe('2026-03-03');
    expect(stepDate('2026-03-10', { offsetDays: 0 })).toBe('2026-03-10');
    expect(stepDate('2026-01-31', { offsetDays: 1 })).toBe('2026-02-01');
    expect(stepDate('2026-12-20', { offsetDays: 45 })).toBe('2027-02-03');
    expect(stepDate('2028-02-25', { offsetDays: 4 })).toBe('2028-02-29');
    expect(stepDate('2026-03-05', { offsetDays: -7 })).toBe('2026-02-26');
  });
});

describe('plannedSteps', () => {
  it('plans the built-in cadence for an invoice due 2026-02-09', () => {
    expect(
      plannedSteps(BUILTIN_DEFAULT_POLICY, '2026-02-09').map(({ step, date }) => [date, step.action]),
    ).toEqual([
      ['2026-02-02', 'email'],
      ['2026-02-09', 'email'],
      ['2026-02-12', 'email'],
      ['2026-02-19', 'sms'],
      ['2026-02-19', 'email'],
      ['2026-02-24', 'call_task'],
      ['2026-03-06', 'final_notice'],
      ['2026-03-16', 'call_task'],
      ['2026-03-26', 'handoff'],
    ]);
  });

  it('orders steps by offset even when given unsorted, keeping declared order on a tie', () => {
    const planned = plannedSteps(
      {
        steps: [
          { offsetDays: 5, action: 'letter' },
          { offsetDays: -1, action: 'email' },
          { offsetDays: 5, action: 'sms' },
        ],
      },
      '2026-06-30',
    );
    expect(planned.map(({ step, date }) => `${date} ${step.action}`)).toEqual([
      '2026-06-29 email',
      '2026-07-05 letter',
      '2026-07-05 sms',
    ]);
  });

  it('properties: one date per step, each exactly its offset from the due date, never decreasing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }).map((days) => addDays('2000-01-01', days)),
        fc.array(
          fc.record({
            offsetDays: fc.integer({ min: -365, max: 3650 }),
            action: fc.constantFrom(...POLICY_ACTIONS),
          }),
          { minLength: 1, maxLength: 50 },
        ),
        (dueDate, steps) => {
          const planned = plannedSteps({ steps }, dueDate);
          expect(planned).toHaveLength(steps.length);
          expect(new Set(planned.map(({ step }) => step))).toEqual(new Set(steps));
          for (const { step, date } of planned) expect(daysBetween(dueDate, date)).toBe(step.offsetDays);
          for (let i = 1; i < planned.length; i += 1)
            expect(planned[i - 1]!.date <= planned[i]!.date).toBe(true);
        },
      ),
    );
  });
});
