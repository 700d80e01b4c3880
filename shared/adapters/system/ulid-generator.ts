import { monotonicFactory } from 'ulid';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/id-generator';

/** ULIDs timed by the Clock port, so ids sort with the (possibly simulated) time. */
export function ulidGenerator(clock: Clock): IdGenerator {
  const next = monotonicFactory();
  return { next: (prefix) => `${prefix}_${next(clock.now().getTime())}` };
}
