import { TICK_CRON, tickAtOrAfter } from '../../../shared/domain/schedules/schedule-tick';
import {
  MAX_CATCH_UP_DAYS,
  datesToOpen,
  isMonday,
  jobsOfDay,
} from '../../../shared/domain/schedules/tenant-day';

describe('the tenant day', () => {
  it('opens today alone the first time, nothing twice, and every missed day after a gap', () => {
    expect(datesToOpen(undefined, '2027-03-15')).toEqual(['2027-03-15']);
    expect(datesToOpen('2027-03-15', '2027-03-15')).toEqual([]);
    expect(datesToOpen('2027-03-15', '2027-03-14')).toEqual([]);
    expect(datesToOpen('2027-03-13', '2027-03-15')).toEqual(['2027-03-14', '2027-03-15']);
    // Across a month end and a leap day.
    expect(datesToOpen('2028-02-27', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('catches up at most the last days of a long outage, ending today', () => {
    const dates = datesToOpen('2027-01-01', '2027-06-30');
    expect(dates).toHaveLength(MAX_CATCH_UP_DAYS);
    expect(dates.at(-1)).toBe('2027-06-30');
    expect(dates[0]).toBe('2027-05-27');
  });

  it('runs the jobs of a day in order: stopped merges handed over, close the day, alerts, worklist, on Mondays the weekly report, then the credit refresh', () => {
    expect(jobsOfDay('t1', '2027-03-15').map((job) => job.job)).toEqual([
      'unfinished-merges',
      'close-day',
      'open-cases',
      'due-date-alerts',
      'worklist',
      'cash-forecast',
      'weekly-report',
      'credit-refresh',
    ]);
    expect(jobsOfDay('t1', '2027-03-16').map((job) => job.job)).toEqual([
      'unfinished-merges',
      'close-day',
      'open-cases',
      'due-date-alerts',
      'worklist',
      'credit-refresh',
    ]);
    expect(isMonday('2027-03-15')).toBe(true);
    expect(isMonday('2027-03-14')).toBe(false);
  });
});

describe('the schedule tick', () => {
  it('falls on every quarter hour, so each time zone’s midnight is a tick', () => {
    expect(new Date(tickAtOrAfter(Date.parse('2027-03-15T04:00:00Z'))).toISOString()).toBe(
      '2027-03-15T04:00:00.000Z',
    );
    expect(new Date(tickAtOrAfter(Date.parse('2027-03-15T04:00:00.001Z'))).toISOString()).toBe(
      '2027-03-15T04:15:00.000Z',
    );
    // Kathmandu (UTC+05:45) midnight is 18:15Z; Chatham (UTC+13:45 in summer) midnight 10:15Z.
    expect(new Date(tickAtOrAfter(Date.parse('2027-03-14T18:15:00Z'))).toISOString()).toBe(
      '2027-03-14T18:15:00.000Z',
    );
    expect(TICK_CRON).toBe('cron(0/15 * * * ? *)');
  });
});
