/** What the quarter-hour tick does: open the tenant days that began, sweep the outbox. */
import type { Services } from '../../runtime/services';
import { sweepOutbox } from '../notifications/sweep-outbox';
import { openTenantDays } from './open-tenant-days';

export async function tick(
  services: Pick<Services, 'clock' | 'settings' | 'schedules' | 'jobs' | 'contacts' | 'messages'>,
) {
  const opened = await openTenantDays(services);
  const swept = await sweepOutbox(services);
  return { ...opened, swept };
}
