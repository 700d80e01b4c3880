/**
 * Imports, locally: the worker runs in this process, in the background, as the SQS-fed function
 * does in AWS; a request to start answers at once and the client follows the progress. One run
 * per import at a time; a start while it runs asks for one more run afterwards (a resume is
 * harmless: it carries on from the checkpoint). A run that fails is logged; starting the import
 * again resumes it.
 */
import { runImport, type RunServices } from '../../shared/app/imports/run-import';
import { logger } from '../../shared/observability/powertools';
import type { ImportRunner } from '../../shared/ports/import-runner';

export class LocalImportRunner implements ImportRunner {
  private services: RunServices | undefined;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  use(services: RunServices): void {
    this.services = services;
  }

  async start(tenantId: string, importId: string): Promise<void> {
    const key = `${tenantId}/${importId}`;
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(key);
        await new Promise((next) => setImmediate(next));
        try {
          await runImport(this.required(), tenantId, importId);
        } catch (error) {
          logger.error('Import run failed; start it again to resume', { importId, error });
        }
      } while (this.again.has(key));
    })().finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** Resolves when no import is running (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private required(): RunServices {
    if (!this.services) throw new Error('The local import runner has no services yet');
    return this.services;
  }
}
