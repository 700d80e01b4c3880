import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

/**
 * The worklist built when the tenant's day opened. A collector who names nobody sees their own
 * items; managers, admins and auditors see everyone's unless they filter.
 */
export async function getWorklist(
  services: Pick<Services, 'clock' | 'settings' | 'worklists'>,
  context: UseCaseContext,
  query: { collectorId?: string; date?: CalendarDate },
) {
  const { actor } = context;
  const settings = await services.settings.get(actor.tenantId);
  const date = query.date ?? localDate(services.clock.now(), settings.timezone);
  const onlyOwn = actor.roles.length === 1 && actor.roles[0] === 'collector';
  const collectorId = onlyOwn ? actor.sub : query.collectorId;
  const stored = await services.worklists.get(actor.tenantId, date);
  const entries = stored?.entries ?? [];
  const items = entries
    .filter((entry) =>
      collectorId === undefined
        ? true
        : collectorId === 'unassigned'
          ? entry.assignedTo === null
          : entry.assignedTo === collectorId,
    )
    .map(({ collectorId: _own, amountWeightBasis: _basis, amountConverted: _converted, ...item }) => item);
  return { date, builtAt: stored?.builtAt ?? null, items };
}
