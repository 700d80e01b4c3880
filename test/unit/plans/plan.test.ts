import fc from 'fast-check';
import { ValidationError } from '../../../shared/domain/errors';
import { money } from '../../../shared/domain/money/money';
import { evaluatePlan, schedule, type PlanPayment } from '../../../shared/domain/plans/plan';
import { addDays, daysBetween } from '../../../shared/domain/time/calendar-date';

const NY = 'America/New_York';
const usd = (amount: number) => money(amount, 'USD');
const pay = (amount: number, receivedAt: string): PlanPayment => ({ amount, receivedAt });

describe('schedule', () => {
  it('splits 100.00 into 3 as 33.34, 33.33, 33.33', () => {
    expect(schedule(usd(100_00), 3, 'monthly', '2026-01-31').map((i) => i.amount)).toEqual([
      33_34, 33_33, 33_33,
    ]);
  });

  it('keeps the first due date’s day of month, clamped to month end: Jan 31 → Feb 28 → Mar 31 → Apr 30', () => {
    expect(schedule(usd(100_00), 4, 'monthly', '2026-01-31')).toEqual([
      { sequence: 1, dueDate: '2026-01-31', currency: 'USD', amount: 25_00 },
      { sequence: 2, dueDate: '2026-02-28', currency: 'USD', amount: 25_00 },
      { sequence: 3, dueDate: '2026-03-31', currency: 'USD', amount: 25_00 },
      { sequence: 4, dueDate: '2026-04-30', currency: 'USD', amount: 25_00 },
    ]);
    expect(schedule(usd(100), 2, 'monthly', '2028-01-31').map((i) => i.dueDate)).toEqual([
      '2028-01-31',
      '2028-02-29',
    ]);
  });

  it('puts weekly installments 7 days apart', () => {
    expect(schedule(money(1000, 'JPY'), 3, 'weekly', '2026-03-02').map((i) => [i.dueDate, i.amount])).toEqual(
      [
        ['2026-03-02', 334],
        ['2026-03-09', 333],
        ['2026-03-16', 333],
      ],
    );
  });

  it('refuses plans that cannot be scheduled', () => {
    expect(() => schedule(usd(100_00), 0, 'monthly', '2026-01-31')).toThrow(ValidationError);
    expect(() => schedule(usd(2), 3, 'weekly', '2026-01-31')).toThrow(ValidationError);
    expect(() => schedule(usd(0), 1, 'weekly', '2026-01-31')).toThrow(ValidationError);
    expect(() => schedule(usd(100), 1, 'daily' as never, '2026-01-31')).toThrow(ValidationError);
    expect(() => schedule(usd(100), 1, 'weekly', '2026-02-30')).toThrow(ValidationError);
  });

  it('properties: count = n, amounts sum to the total, dates strictly increasing, day of month kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.integer({ min: 0, max: 3000 }),
        (total, n, frequency, offset) => {
          fc.pre(total >= n);
          const first = addDays('2024-01-01', offset);
          const installments = schedule(usd(total), n, frequency, first);
          expect(installments).toHaveLength(n);
          expect(installments.reduce((sum, i) => sum + i.amount, 0)).toBe(total);
          installments.forEach((installment, index) => {
            expect(installment.sequence).toBe(index + 1);
            const previous = installments[index - 1];
            if (!previous) return;
            expect(installment.dueDate > previous.dueDate).toBe(true);
            expect(installment.amount === previous.amount || installment.amount === previous.amount - 1).toBe(
              true,
            );
            if (frequency === 'weekly') expect(daysBetween(previous.dueDate, installment.dueDate)).toBe(7);
            else {
              const [year, month, day] = installment.dueDate.split('-').map(Number) as [
                number,
                number,
                number,
              ];
              const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
              expect(day).toBe(Math.min(Number(first.slice(8, 10)), daysInMonth));
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('evaluatePlan', () => {
  // Deadlines with 3 grace days, New York: 2026-02-04T05:00Z, 2026-03-04T05:00Z, 2026-04-04T04:00Z (EDT).
  const plan = { currency: 'USD', installments: schedule(usd(100_00), 3, 'monthly', '2026-01-31') };

  it('fills installments in order and stays active until a deadline passes', () => {
    const result = evaluatePlan(
      plan,
      [pay(33_34, '2026-01-30T15:00:00Z'), pay(20_00, '2026-02-20T15:00:00Z')],
      '2026-02-25T12:00:00Z',
      NY,
      3,
    );
    expect(result).toMatchObject({
      status: 'active',
      total: 100_00,
      paid: 53_34,
      remaining: 46_66,
      unapplied: 0,
      reevaluateAt: new Date('2026-03-04T05:00:00Z'),
    });
    expect(
      result.installments.map(({ status, paid, remaining, late }) => ({ status, paid, remaining, late })),
    ).toEqual([
      { status: 'paid', paid: 33_34, remaining: 0, late: false },
      { status: 'partially_paid', paid: 20_00, remaining: 13_33, late: false },
      { status: 'pending', paid: 0, remaining: 33_33, late: false },
    ]);
    expect(result.installments[0]?.coveredAt).toEqual(new Date('2026-01-30T15:00:00Z'));
    expect(result.installments.map((i) => i.deadline.toISOString())).toEqual([
      '2026-02-04T05:00:00.000Z',
      '2026-03-04T05:00:00.000Z',
      '2026-04-04T04:00:00.000Z',
    ]);
  });

  it('breaks when an installment is still unpaid at the end of its due date + grace, local time', () => {
    const payments = [pay(33_34, '2026-01-30T15:00:00Z'), pay(20_00, '2026-02-20T15:00:00Z')];
    expect(evaluatePlan(plan, payments, '2026-03-04T04:59:59Z', NY, 3).status).toBe('active');
    const result = evaluatePlan(plan, payments, '2026-03-04T05:00:00Z', NY, 3);
    expect(result).toMatchObject({
      status: 'broken',
      brokenAt: new Date('2026-03-04T05:00:00Z'),
      brokenSequence: 2,
      reevaluateAt: null,
    });
    expect(result.installments[1]).toMatchObject({ status: 'missed', paid: 20_00, remaining: 13_33 });
  });

  it('stays broken when the missed installment is paid afterwards', () => {
    const result = evaluatePlan(plan, [pay(100_00, '2026-02-05T12:00:00Z')], '2026-02-10T00:00:00Z', NY, 3);
    expect(result).toMatchObject({ status: 'broken', brokenSequence: 1, paid: 100_00, remaining: 0 });
    expect(result.installments[0]).toMatchObject({ status: 'paid', late: true });
  });

  it('completes when all installments are covered in time, reporting any overpayment as unapplied', () => {
    const result = evaluatePlan(
      plan,
      [pay(60_00, '2026-01-20T12:00:00Z'), pay(45_00, '2026-02-25T12:00:00Z')],
      '2026-03-02T00:00:00Z',
      NY,
      0,
    );
    expect(result).toMatchObject({
      status: 'completed',
      paid: 100_00,
      remaining: 0,
      unapplied: 5_00,
      completedAt: new Date('2026-02-25T12:00:00Z'),
      reevaluateAt: null,
    });
    expect(result.installments.map((i) => i.coveredAt?.toISOString())).toEqual([
      '2026-01-20T12:00:00.000Z',
      '2026-02-25T12:00:00.000Z',
      '2026-02-25T12:00:00.000Z',
    ]);
  });

  it('ends the last grace day at local midnight across the spring DST change', () => {
    const weekly = { currency: 'USD', installments: schedule(usd(20_00), 2, 'weekly', '2026-03-07') };
    // Due 2026-03-07 + 1 grace day → ends at the start of 2026-03-09 EDT = 04:00Z.
    const onTime = evaluatePlan(weekly, [pay(10_00, '2026-03-09T03:59:59Z')], '2026-03-09T12:00:00Z', NY, 1);
    expect(onTime).toMatchObject({ status: 'active', reevaluateAt: new Date('2026-03-16T04:00:00Z') });
    const late = evaluatePlan(weekly, [pay(10_00, '2026-03-09T04:00:00Z')], '2026-03-09T12:00:00Z', NY, 1);
    expect(late).toMatchObject({ status: 'broken', brokenAt: new Date('2026-03-09T04:00:00Z') });
  });

  it('ignores payments after `now` and refuses another currency', () => {
    const result = evaluatePlan(plan, [pay(100_00, '2026-01-20T12:00:00Z')], '2026-01-10T00:00:00Z', NY, 0);
    expect(result).toMatchObject({ status: 'active', paid: 0 });
    expect(() =>
      evaluatePlan(
        plan,
        [{ amount: 1, receivedAt: '2026-01-20T12:00:00Z', currency: 'EUR' }],
        '2026-02-01T00:00:00Z',
        NY,
        0,
      ),
    ).toThrow();
  });

  it('properties: figures add up, payments fill in order, order of payments does not matter', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const hour = 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_00 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.integer({ min: 0, max: 7 }),
        fc.array(
          fc.record({
            amount: fc.integer({ min: 0, max: 40_00 }),
            hours: fc.integer({ min: 0, max: 24 * 400 }),
          }),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 0, max: 24 * 400 }),
        (total, n, frequency, graceDays, specs, nowHours) => {
          fc.pre(total >= n);
          const p = { currency: 'USD', installments: schedule(usd(total), n, frequency, '2026-01-31') };
          const payments = specs.map((s) => pay(s.amount, new Date(base + s.hours * hour).toISOString()));
          const now = new Date(base + nowHours * hour);
          const result = evaluatePlan(p, payments, now, NY, graceDays);
          const received = specs
            .filter((s) => s.hours * hour <= nowHours * hour)
            .reduce((a, s) => a + s.amount, 0);
          expect(result.paid + result.remaining).toBe(total);
          expect(result.paid).toBe(Math.min(total, received));
          expect(result.unapplied).toBe(Math.max(0, received - total));
          expect(result.installments.reduce((a, i) => a + i.paid, 0)).toBe(result.paid);
          result.installments.forEach((installment, index) => {
            if (installment.paid > 0)
              expect(result.installments.slice(0, index).every((i) => i.remaining === 0)).toBe(true);
          });
          if (result.status === 'active')
            expect(result.reevaluateAt!.getTime()).toBeGreaterThan(now.getTime());
          if (result.status === 'completed')
            expect(result.installments.every((i) => i.status === 'paid' && !i.late)).toBe(true);
          expect(evaluatePlan(p, [...payments].reverse(), now, NY, graceDays)).toEqual(result);
        },
      ),
    );
  });
});
