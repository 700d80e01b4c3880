/**
 * The graph the local runtime and tests inject, so the deployed handlers run on their wiring (clock,
 * DynamoDB Local, stand-ins). Its own module: the handlers' wiring looks here without importing the
 * composition root, which would pull every adapter into every bundle.
 */
import type { Services } from './services';

let injected: Services | undefined;

/** Used by the local runtime and tests to run the same handlers on their own wiring. */
export function useServices(next: Services): void {
  injected = next;
}

export function injectedServices(): Services | undefined {
  return injected;
}
