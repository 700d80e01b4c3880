/** The hourly schedule: every tenant's active connections are queued for a sync. */
import type { Services } from '../../runtime/services';

const PAGE = 100;

export async function queueSyncs(services: Pick<Services, 'connections' | 'syncRunner'>): Promise<number> {
  let queued = 0;
  let after: string | undefined;
  do {
    const page = await services.connections.active(PAGE, after);
    for (const { tenantId, connectionId } of page.items) {
      await services.syncRunner.start(tenantId, connectionId);
      queued += 1;
    }
    after = page.next;
  } while (after);
  return queued;
}
