/**
 * The outbox sweep, at every schedule tick: a message is handed to delivery right after the
 * transaction that queued it; if the process died in between, the message is still queued, and
 * this hands it on — once it has waited longer than any live relay takes, so the two do not race.
 */
import type { Services } from '../../runtime/services';

export const SWEEP_AFTER_MS = 5 * 60_000;
const BATCH = 100;

export async function sweepOutbox(
  services: Pick<Services, 'clock' | 'contacts' | 'messages'>,
): Promise<number> {
  const before = new Date(services.clock.now().getTime() - SWEEP_AFTER_MS);
  let swept = 0;
  for (;;) {
    const stale = await services.contacts.queuedBefore(before, BATCH);
    for (const message of stale) {
      await services.messages.deliver(message);
      await services.contacts.markDispatched(message, services.clock.now());
    }
    swept += stale.length;
    if (stale.length < BATCH) return swept;
  }
}
