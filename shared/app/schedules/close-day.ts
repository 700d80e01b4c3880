/**
 * Closes the tenant's day before `date`: promises and plans whose deadlines passed are decided,
 * then the day is rolled up (its figures and aging snapshot, and the month's to date), then the
 * threshold alerts are checked against it.
 */
import { addDays, type CalendarDate } from '../../domain/time/calendar-date';
import { rollUpDay } from './roll-up-day';
import { evaluateAlertRules } from '../alerts/evaluate-alert-rules';
import { settleDuePromisesAndPlans } from './settle-due-promises-and-plans';

export async function closeDay(
  services: Parameters<typeof settleDuePromisesAndPlans>[0] &
    Parameters<typeof rollUpDay>[0] &
    Parameters<typeof evaluateAlertRules>[0],
  tenantId: string,
  date: CalendarDate,
): Promise<void> {
  await settleDuePromisesAndPlans(services, tenantId, date);
  await rollUpDay(services, tenantId, addDays(date, -1));
  await evaluateAlertRules(services, tenantId, addDays(date, -1));
}
