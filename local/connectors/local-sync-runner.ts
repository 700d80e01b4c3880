/**
 * Connector syncs, locally: run in this process in the background, as the SQS-fed worker runs
 * them in AWS; one run per connection at a time, a request while it runs asks for one more run
 * afterwards (harmless: it carries on from the cursor). A failed run is logged and recorded on
 * the connection; a sync asked for again resumes it.
 */
import { syncConnection, type SyncServices } from '../../shared/app/connectors/sync-connection';
import { logger } from '../../shared/observability/powertools';
import type { SyncRunner } from '../../shared/ports/sync-runner';

export class LocalSyncRunner implements SyncRunner {
  private services: SyncServices | undefined;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  use(services: SyncServices): void {
    this.services = services;
  }

  async start(tenantId: string, connectionId: string): Promise<void> {
    const key = `${tenantId}/${connectionId}`;
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(key);
        await new Promise((next) => setImmediate(next));
        try {
          for (;;) {
            const { more } = await syncConnection(this.required(), tenantId, connectionId, { maxPages: 20 });
            if (!more) break;
          }
        } catch (error) {
          logger.error('Connector sync failed; sync again to resume', {
            connectionId,
            error: error instanceof Error ? error.message : 'failed',
          });
        }
      } while (this.again.has(key));
    })().finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** Resolves when no sync is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private required(): SyncServices {
    if (!this.services) throw new Error('The local sync runner has no services yet');
    return this.services;
  }
}
