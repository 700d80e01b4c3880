/**
 * A Step Functions Standard execution lives at most a year; a case can live longer (a long plan, a
 * dispute nobody answers). Well before the year is out the review hands the case to a new
 * execution of the same state machine — the next generation, named after the case as before —
 * and the old one ends at `CaseContinued`. Everything the case knows is in its record, so
 * nothing is carried but its key.
 */
import type { CollectionCase } from './collection-case';
import { executionNameFor } from './collection-case';

/** Hand over after this long: a month's margin before the one-year limit. */
export const CONTINUE_AFTER_MS = 330 * 86_400_000;

export function dueForContinuation(collectionCase: CollectionCase, now: Date): boolean {
  const started = Date.parse(collectionCase.executionStartedAt ?? collectionCase.openedAt);
  return now.getTime() - started >= CONTINUE_AFTER_MS;
}

/** The case as the next generation's execution runs it. */
export function continued(collectionCase: CollectionCase, now: Date): CollectionCase {
  const generation = (collectionCase.generation ?? 1) + 1;
  const at = now.toISOString();
  return {
    ...collectionCase,
    generation,
    executionName: executionNameFor(
      collectionCase.tenantId,
      collectionCase.id,
      collectionCase.policyVersion,
      generation,
    ),
    executionStartedAt: at,
    history: [
      ...collectionCase.history,
      { at, kind: 'continued' as const, detail: `Execution ${generation} takes the case over` },
    ].slice(-100),
    version: collectionCase.version + 1,
  };
}
