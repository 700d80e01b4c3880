/**
 * Re-runs a read-decide-write use case when another writer moved the same debtor's ledger on in
 * between. Full-jitter exponential backoff keeps a burst of concurrent payments converging.
 */
import { ConflictError } from '../domain/errors';
import { ConcurrentChangeError } from '../ports/concurrent-change';

export async function retryOnConcurrentChange<T>(attempt: () => Promise<T>, maxAttempts = 80): Promise<T> {
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
}
