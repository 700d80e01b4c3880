/**
 * Imports, locally: the worker runs in this process, in the background, as the SQS-fed function
 * does in AWS; a request to start answers at once and the client follows the progress. One run
 * per import at a time; a start while it runs asks for one more run afterwards (a resume is
 * harmless: it carries on from the checkpoint). The imports under way are kept in a file, so the
 * next `npm start` after a crash resumes them, as the queue would hand them back in AWS; a run
 * that fails is logged and resumed by starting the import again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runImport, type RunServices } from '../../shared/app/imports/run-import';
import { logger } from '../../shared/observability/powertools';
import type { ImportRunner } from '../../shared/ports/import-runner';

interface UnderWay {
  tenantId: string;
  importId: string;
}

export class LocalImportRunner implements ImportRunner {
  private services: RunServices | undefined;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly underWay = new Map<string, UnderWay>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const entry of JSON.parse(readFileSync(file, 'utf8')) as UnderWay[]) {
        this.underWay.set(`${entry.tenantId}/${entry.importId}`, entry);
      }
    }
  }

  use(services: RunServices): void {
    this.services = services;
  }

  /** Resumes the imports a previous process left under way. */
  resume(): void {
    for (const { tenantId, importId } of [...this.underWay.values()]) void this.start(tenantId, importId);
  }

  async start(tenantId: string, importId: string): Promise<void> {
    const key = `${tenantId}/${importId}`;
    this.underWay.set(key, { tenantId, importId });
    this.save();
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const run = (async () => {
      let finished = false;
      do {
        this.again.delete(key);
        await new Promise((next) => setImmediate(next));
        try {
          finished = (await runImport(this.required(), tenantId, importId)) === 'finished';
        } catch (error) {
          logger.error('Import run failed; start it again to resume', { importId, error });
        }
      } while (this.again.has(key));
      if (finished) {
        this.underWay.delete(key);
        this.save();
      }
    })().finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** Resolves when no import is running (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify([...this.underWay.values()]));
  }

  private required(): RunServices {
    if (!this.services) throw new Error('The local import runner has no services yet');
    return this.services;
  }
}
