import * as fc from 'fast-check';
import {
  DOUBTFUL_AFTER_DAYS,
  FORECAST_WEEKS,
  cashForecast,
  forecastError,
  mondayOf,
  type ForecastInput,
} from '../../../shared/domain/forecast/cash-forecast';
import { addDays } from '../../../shared/domain/time/calendar-date';

const base: ForecastInput = {
  currency: 'EUR',
  asOf: '2027-03-17', // a Wednesday: week 1 is 03-15 … 03-21
  invoices: [],
  promises: [],
  installments: [],
  history: [],
};

describe('cash forecast', () => {
  it('weeks run Monday to Sunday from the week of asOf', () => {
    const { weeks } = cashForecast(base);
    expect(weeks).toHaveLength(FORECAST_WEEKS);
    expect(weeks[0]).toMatchObject({ from: '2027-03-15', to: '2027-03-21' });
    expect(weeks[12]).toMatchObject({ from: '2027-06-07', to: '2027-06-13' });
    expect(mondayOf('2027-03-21')).toBe('2027-03-15');
  });

  it('worked example: habits, promises, plans, doubtful and later', () => {
    const forecast = cashForecast({
      ...base,
      invoices: [
        // d1 pays 10 days late on average: due 03-20 → expected 03-30 (week 3).
        { id: 'a', debtorId: 'd1', outstanding: 100_000, dueDate: '2027-03-20', disputed: false },
        // d2 promised 50,000 by 03-24 on this 80,000: 50,000 in week 2, the rest on its due date
        // shifted by the tenant's average (d2 has no history): due 03-01 + 10 → 03-11 → today.
        { id: 'b', debtorId: 'd2', outstanding: 80_000, dueDate: '2027-03-01', disputed: false },
        { id: 'c', debtorId: 'd3', outstanding: 7_000, dueDate: '2027-03-10', disputed: true },
        {
          id: 'd',
          debtorId: 'd3',
          outstanding: 9_000,
          dueDate: addDays('2027-03-17', -DOUBTFUL_AFTER_DAYS - 1),
          disputed: false,
        },
        {
          id: 'e',
          debtorId: 'd4',
          outstanding: 30_000,
          dueDate: '2027-02-01',
          disputed: false,
          planId: 'p1',
        },
        { id: 'f', debtorId: 'd1', outstanding: 4_000, dueDate: '2027-08-01', disputed: false },
      ],
      promises: [{ debtorId: 'd2', amount: 50_000, lastDay: '2027-03-24' }],
      installments: [
        { debtorId: 'd4', remaining: 15_000, dueDate: '2027-04-05' },
        { debtorId: 'd4', remaining: 15_000, dueDate: '2027-05-05' },
      ],
      history: [{ debtorId: 'd1', amount: 10_000, daysAfterDue: 10 }],
    });
    const expected = forecast.weeks
      .map((week) => [week.from, week.expected])
      .filter(([, amount]) => amount !== 0);
    expect(expected).toEqual([
      ['2027-03-15', 30_000],
      ['2027-03-22', 50_000],
      ['2027-03-29', 100_000],
      ['2027-04-05', 15_000],
      ['2027-05-03', 15_000],
    ]);
    expect(forecast.weeks[1]).toMatchObject({ fromPromises: 50_000, fromPlans: 0, fromInvoices: 0 });
    expect(forecast.weeks[3]).toMatchObject({ fromPlans: 15_000 });
    expect(forecast.later).toBe(4_000);
    expect(forecast.doubtful).toBe(16_000);
  });

  it('loses no money: every open amount is expected in a week, later, or doubtful', () => {
    const invoice = fc.record({
      id: fc.uuid(),
      debtorId: fc.constantFrom('d1', 'd2', 'd3'),
      outstanding: fc.integer({ min: 0, max: 1_000_000 }),
      dueDate: fc.integer({ min: -200, max: 200 }).map((offset) => addDays('2027-03-17', offset)),
      disputed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(invoice, { maxLength: 20 }),
        fc.array(
          fc.record({
            debtorId: fc.constantFrom('d1', 'd2', 'd3'),
            amount: fc.integer({ min: 1, max: 500_000 }),
            lastDay: fc.integer({ min: 0, max: 60 }).map((offset) => addDays('2027-03-17', offset)),
          }),
          { maxLength: 4 },
        ),
        fc.array(
          fc.record({
            debtorId: fc.constantFrom('d1', 'd2'),
            amount: fc.integer({ min: 1, max: 100_000 }),
            daysAfterDue: fc.integer({ min: -30, max: 120 }),
          }),
          { maxLength: 10 },
        ),
        (invoices, promises, history) => {
          const forecast = cashForecast({ ...base, invoices, promises, history });
          const expected = forecast.weeks.reduce((sum, week) => sum + week.expected, 0);
          const owed = invoices.reduce((sum, item) => sum + item.outstanding, 0);
          expect(expected + forecast.later + forecast.doubtful).toBe(owed);
          for (const week of forecast.weeks) {
            expect(week.expected).toBe(week.fromPromises + week.fromPlans + week.fromInvoices);
          }
        },
      ),
    );
  });

  it('measures the error against what came in, undefined when nothing was expected', () => {
    expect(forecastError(100_000, 90_000)).toBe(-10);
    expect(forecastError(30_000, 40_000)).toBe(33.33);
    expect(forecastError(0, 5_000)).toBeNull();
  });
});
