/**
 * Runs a read-decide-write use case on one debtor's ledger.
 *
 * Correctness comes from DynamoDB: the write is conditional on the versions read, and a
 * concurrent change makes it fail with ConcurrentChangeError; the use case then re-reads and
 * tries again, with full-jitter exponential backoff.
 *
 * Speed comes from queueing: within one process, movements of the same debtor take turns
 * instead of racing, so a burst against one debtor costs one transaction per movement rather
 * than a storm of failed ones. (A Lambda container serves one request at a time; the local
 * runtime serves many.)
 */
import { ConflictError } from '../domain/errors';
import { ConcurrentChangeError } from '../ports/concurrent-change';

const lanes = new Map<string, Promise<unknown>>();

async function inLane<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = lanes.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  lanes.set(key, tail);
  try {
    return await run;
  } finally {
    if (lanes.get(key) === tail) lanes.delete(key);
  }
}

export async function retryOnConcurrentChange<T>(
  debtor: { tenantId: string; debtorId: string },
  attempt: () => Promise<T>,
  maxAttempts = 80,
): Promise<T> {
  return inLane(`${debtor.tenantId}/${debtor.debtorId}`, async () => {
    for (let index = 0; ; index++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
        if (index + 1 >= maxAttempts) throw new ConflictError('The debtor ledger is busy; retry the request');
        const ceiling = Math.min(3000, 10 * 2 ** Math.min(index, 9));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
      }
    }
  });
}
