import { US_FEDERAL_CONSUMER } from '../../../shared/domain/compliance/contact-rule-packs';
import {
  assumedReceipt,
  usLegalPublicHolidays,
  validationPeriodEnd,
} from '../../../shared/domain/compliance/validation-notice';

const notice = US_FEDERAL_CONSUMER.validationNotice!;

describe('the validation period', () => {
  it('assumes receipt 5 business days after sending, then runs 30 days', () => {
    // Sent Friday 2026-05-01: receipt Friday 05-08, period ends Sunday 06-07.
    expect(assumedReceipt('2026-05-01', 5)).toBe('2026-05-08');
    expect(validationPeriodEnd('2026-05-01', notice)).toBe('2026-06-07');
  });

  it('skips legal public holidays: Thanksgiving and the day after the 4th of July on a Saturday', () => {
    // Sent Monday 2026-11-23: Thanksgiving (11-26) does not count → receipt Tuesday 12-01.
    expect(assumedReceipt('2026-11-23', 5)).toBe('2026-12-01');
    // 2026-07-04 is a Saturday: observed Friday 07-03. Sent Wednesday 07-01 → receipt Thursday 07-09.
    expect(assumedReceipt('2026-07-01', 5)).toBe('2026-07-09');
  });

  it('knows the 2026 holidays', () => {
    expect([...usLegalPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-07-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });
});
