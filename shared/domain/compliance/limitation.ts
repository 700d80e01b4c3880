/** Time-barred debts: past the shortest limitation period among the packs that govern the debt. */
import { addMonthsClamped, type CalendarDate } from '../time/calendar-date';
import type { ContactRulePack } from './contact-rule-pack';

/**
 * Whether any open debt is time-barred on `today`. Counted from the due date, without the restarts
 * a part payment may cause in some states: when unsure, the debt is treated as barred, which only
 * forbids threats of suit.
 */
export function anyTimeBarred(
  packs: readonly ContactRulePack[],
  openDueDates: readonly CalendarDate[],
  today: CalendarDate,
): boolean {
  const years = packs
    .map((pack) => pack.limitationYears)
    .filter((value): value is number => value !== undefined);
  if (years.length === 0 || openDueDates.length === 0) return false;
  const shortest = Math.min(...years);
  return openDueDates.some((due) => addMonthsClamped(due, shortest * 12) <= today);
}
