import fc from 'fast-check';
import {
  evaluatePromise,
  promiseDeadline,
  promiseLastDay,
  promiseProblems,
  type PaymentPromise,
  type ReceivedPayment,
} from '../../../shared/domain/promises/promise';

const NY = 'America/New_York';

const promise = (overrides: Partial<PaymentPromise> = {}): PaymentPromise => ({
  id: 'p1',
  currency: 'USD',
  amount: 100_00,
  dueDate: '2026-03-10',
  graceDays: 2,
  createdAt: '2026-03-01T15:00:00Z',
  status: 'pending',
  ...overrides,
});

const paid = (amount: number, receivedAt: string, currency = 'USD'): ReceivedPayment => ({
  currency,
  amount,
  receivedAt,
});

describe('promise deadline (end of due date + grace, debtor local time)', () => {
  it('is the start of the next local day, on both sides of the March DST change (New York, 2026-03-08)', () => {
    expect(promiseLastDay({ dueDate: '2026-03-06', graceDays: 1 })).toBe('2026-03-07');
    expect(promiseDeadline({ dueDate: '2026-03-06', graceDays: 1 }, NY).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    // 2026-03-08 is a 23-hour day: it ends at 2026-03-09T04:00Z (EDT).
    expect(promiseDeadline({ dueDate: '2026-03-07', graceDays: 1 }, NY).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('and on both sides of the November DST change (New York, 2026-11-01)', () => {
    expect(promiseDeadline({ dueDate: '2026-10-30', graceDays: 1 }, NY).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    // 2026-11-01 is a 25-hour day: it ends at 2026-11-02T05:00Z (EST).
    expect(promiseDeadline({ dueDate: '2026-10-31', graceDays: 1 }, NY).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('depends on the debtor zone', () => {
    expect(promiseDeadline({ dueDate: '2026-03-10', graceDays: 0 }, 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-10T15:00:00.000Z',
    );
    expect(() => promiseDeadline({ dueDate: '2026-03-10', graceDays: 0 }, 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('evaluatePromise', () => {
  it('is kept early, as soon as payments cover it', () => {
    const result = evaluatePromise(
      promise(),
      [
        paid(40_00, '2026-03-05T14:00:00Z'),
        paid(60_00, '2026-03-06T16:30:00Z'),
        paid(10_00, '2026-03-07T10:00:00Z'),
      ],
      '2026-03-07T12:00:00Z',
      NY,
    );
    expect(result).toEqual({
      status: 'kept',
      currency: 'USD',
      amount: 100_00,
      amountPaid: 110_00,
      keptAt: new Date('2026-03-06T16:30:00Z'),
      deadline: new Date('2026-03-13T04:00:00Z'),
    });
  });

  it('is pending until the deadline, with what remains and when to look again', () => {
    const result = evaluatePromise(
      promise(),
      [paid(30_00, '2026-03-05T14:00:00Z')],
      '2026-03-12T20:00:00Z',
      NY,
    );
    expect(result).toEqual({
      status: 'pending',
      currency: 'USD',
      amount: 100_00,
      amountPaid: 30_00,
      remaining: 70_00,
      deadline: new Date('2026-03-13T04:00:00Z'),
      reevaluateAt: new Date('2026-03-13T04:00:00Z'),
    });
  });

  it('is broken at the end of the last local day, recording a partial payment and the shortfall', () => {
    const result = evaluatePromise(
      promise(),
      [paid(60_00, '2026-03-05T14:00:00Z')],
      '2026-03-13T04:00:00Z',
      NY,
    );
    expect(result).toEqual({
      status: 'broken',
      currency: 'USD',
      amount: 100_00,
      amountPaid: 60_00,
      shortfall: 40_00,
      partial: true,
      brokenAt: new Date('2026-03-13T04:00:00Z'),
      deadline: new Date('2026-03-13T04:00:00Z'),
    });
    const nothing = evaluatePromise(promise(), [], '2026-04-01T00:00:00Z', NY);
    expect(nothing).toMatchObject({ status: 'broken', amountPaid: 0, shortfall: 100_00, partial: false });
  });

  it('counts a payment at 23:59 local on the 23-hour spring day, not one at 00:00 the next day', () => {
    const p = promise({ dueDate: '2026-03-07', graceDays: 1, createdAt: '2026-03-02T12:00:00Z' });
    const justInTime = evaluatePromise(
      p,
      [paid(100_00, '2026-03-09T03:59:59.999Z')],
      '2026-03-10T00:00:00Z',
      NY,
    );
    expect(justInTime.status).toBe('kept');
    const tooLate = evaluatePromise(p, [paid(100_00, '2026-03-09T04:00:00Z')], '2026-03-10T00:00:00Z', NY);
    expect(tooLate).toMatchObject({ status: 'broken', amountPaid: 0, partial: false });
  });

  it('counts a payment at 23:30 EST on the 25-hour autumn day (2026-11-02T04:30Z)', () => {
    const p = promise({ dueDate: '2026-10-31', graceDays: 1, createdAt: '2026-10-20T12:00:00Z' });
    const pending = evaluatePromise(p, [], '2026-11-02T04:30:00Z', NY);
    expect(pending).toMatchObject({ status: 'pending', reevaluateAt: new Date('2026-11-02T05:00:00Z') });
    expect(
      evaluatePromise(p, [paid(100_00, '2026-11-02T04:30:00Z')], '2026-11-03T00:00:00Z', NY).status,
    ).toBe('kept');
  });

  it('ignores payments before the promise, in other currencies, or not yet received at `now`', () => {
    const result = evaluatePromise(
      promise(),
      [
        paid(100_00, '2026-02-28T12:00:00Z'),
        paid(100_00, '2026-03-05T12:00:00Z', 'EUR'),
        paid(100_00, '2026-03-12T12:00:00Z'),
      ],
      new Date('2026-03-11T12:00:00Z'),
      NY,
    );
    expect(result).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('refuses a malformed promise', () => {
    expect(() => evaluatePromise(promise({ amount: 0 }), [], '2026-03-11T12:00:00Z', NY)).toThrow(RangeError);
    expect(promiseProblems(promise({ graceDays: -1, dueDate: '2026-02-30' }))).toEqual([
      { path: 'dueDate', message: 'must be a calendar date' },
      { path: 'graceDays', message: 'must be a non-negative integer' },
    ]);
    expect(promiseProblems(promise(), '2026-03-11')).toEqual([
      { path: 'dueDate', message: 'must not be in the past' },
    ]);
  });
});

describe('evaluatePromise: properties', () => {
  const base = Date.parse('2026-02-20T00:00:00Z');
  const hour = 3_600_000;
  const scenario = fc.record({
    amount: fc.integer({ min: 1, max: 1_000_00 }),
    dueOffsetDays: fc.integer({ min: 0, max: 300 }),
    graceDays: fc.integer({ min: 0, max: 10 }),
    zone: fc.constantFrom(NY, 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'UTC'),
    payments: fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 60_00 }),
        hours: fc.integer({ min: -48, max: 24 * 330 }),
        currency: fc.constantFrom('USD', 'USD', 'USD', 'EUR'),
      }),
      { maxLength: 8 },
    ),
    nowHours: fc.integer({ min: 0, max: 24 * 330 }),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  const build = (s: Scenario) => {
    const dueDate = new Date(base + s.dueOffsetDays * 24 * hour).toISOString().slice(0, 10);
    const p = promise({ amount: s.amount, dueDate, graceDays: s.graceDays, createdAt: new Date(base) });
    const payments = s.payments.map((x) =>
      paid(x.amount, new Date(base + x.hours * hour).toISOString(), x.currency),
    );
    return { p, payments, now: new Date(base + s.nowHours * hour) };
  };

  it('reports consistent figures for each outcome', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { p, payments, now } = build(s);
        const result = evaluatePromise(p, payments, now, s.zone);
        expect(result.deadline).toEqual(promiseDeadline(p, s.zone));
        if (result.status === 'pending') {
          expect(now.getTime()).toBeLessThan(result.deadline.getTime());
          expect(result.amountPaid + result.remaining).toBe(p.amount);
          expect(result.remaining).toBeGreaterThan(0);
        } else if (result.status === 'broken') {
          expect(now.getTime()).toBeGreaterThanOrEqual(result.deadline.getTime());
          expect(result.amountPaid + result.shortfall).toBe(p.amount);
          expect(result.partial).toBe(result.amountPaid > 0);
        } else {
          expect(result.amountPaid).toBeGreaterThanOrEqual(p.amount);
          expect(result.keptAt.getTime()).toBeLessThan(result.deadline.getTime());
          expect(result.keptAt.getTime()).toBeLessThanOrEqual(now.getTime());
        }
      }),
    );
  });

  it('does not depend on the order of payments, and a decision never changes later (for the same payments)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 24 * 400 }), (s, laterHours) => {
        const { p, payments, now } = build(s);
        const result = evaluatePromise(p, payments, now, s.zone);
        expect(evaluatePromise(p, [...payments].reverse(), now, s.zone)).toEqual(result);
        const later = evaluatePromise(p, payments, new Date(now.getTime() + laterHours * hour), s.zone);
        if (result.status === 'broken') expect(later).toEqual(result);
        if (result.status === 'kept') expect(later).toMatchObject({ status: 'kept', keptAt: result.keptAt });
        expect(later.amountPaid).toBeGreaterThanOrEqual(result.amountPaid);
      }),
    );
  });
});
