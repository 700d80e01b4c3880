/**
 * Closes the tenant's day before `date`: promises and plans whose deadlines passed are decided.
 */
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { settleDuePromisesAndPlans } from './settle-due-promises-and-plans';

export async function closeDay(services: Services, tenantId: string, date: CalendarDate): Promise<void> {
  await settleDuePromisesAndPlans(services, tenantId, date);
}
