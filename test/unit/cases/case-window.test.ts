import { inCaseWindow, windowLead, windowStart } from '../../../shared/domain/cases/case-window';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';

const open = (dueDate: string, paid = 0) => ({ amount: 10_000, paid, credited: 0, writtenOff: 0, dueDate });

describe('the case window', () => {
  it('opens with the first pre-due step, or the day after the due date without one', () => {
    expect(windowLead(BUILTIN_DEFAULT_POLICY)).toBe(7);
    expect(windowStart(BUILTIN_DEFAULT_POLICY, '2027-03-15')).toBe('2027-03-08');
    const dueDay = { steps: [{ offsetDays: 0, action: 'email' as const }] };
    expect(windowStart(dueDay, '2027-03-15')).toBe('2027-03-15');
    const afterDue = { steps: [{ offsetDays: 5, action: 'email' as const }] };
    expect(windowLead(afterDue)).toBe(-1);
    expect(windowStart(afterDue, '2027-02-28')).toBe('2027-03-01');
  });

  it('needs an open invoice inside it', () => {
    expect(inCaseWindow(BUILTIN_DEFAULT_POLICY, [open('2027-03-15')], '2027-03-07')).toBe(false);
    expect(inCaseWindow(BUILTIN_DEFAULT_POLICY, [open('2027-03-15')], '2027-03-08')).toBe(true);
    expect(inCaseWindow(BUILTIN_DEFAULT_POLICY, [open('2027-03-01', 10_000)], '2027-03-08')).toBe(false);
    expect(inCaseWindow(BUILTIN_DEFAULT_POLICY, [open('2027-04-30'), open('2027-01-31')], '2027-03-08')).toBe(
      true,
    );
  });
});
