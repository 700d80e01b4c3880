/**
 * A tenant's connection to an accounting system: which provider and organisation, its OAuth
 * tokens (sealed: see docs/connectors.md), and how far the incremental pull has come — the
 * watermark (records changed after it are still to pull) and, while a pull is under way, its
 * cursor, so a pull cut short resumes where it stopped.
 */
import type { ConnectorProvider } from './source-records';

export type ConnectionStatus = 'pending' | 'active' | 'reauthorization_required';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface SkippedRecord {
  kind: 'customer' | 'invoice' | 'payment' | 'credit_note';
  sourceId: string;
  reason: string;
}

export interface SyncRun {
  startedAt: string;
  finishedAt?: string;
  /**
   * `rate_limited`: stopped by the provider; `paused`: its page budget spent. Either resumes from
   * the cursor on the next run.
   */
  outcome: 'running' | 'completed' | 'paused' | 'rate_limited' | 'failed';
  pages: number;
  counts: SyncCounts;
  /** The last records skipped, with why (at most SKIPPED_KEPT). */
  skipped: SkippedRecord[];
  error?: string;
}

export const SKIPPED_KEPT = 50;

export interface Connection {
  id: string;
  tenantId: string;
  provider: ConnectorProvider;
  status: ConnectionStatus;
  /** QuickBooks realm id or Xero tenant id; known once authorized. */
  organisationId?: string;
  /** Random, checked against the `state` the authorization comes back with. */
  stateNonce?: string;
  /** The tokens as JSON, sealed by the token cipher under {tenantId, connectionId}. */
  sealedTokens?: string;
  /** For records that name no currency, and customers whose address names no country. */
  defaults: { currency: string; jurisdiction?: string };
  /** Records changed after this instant are still to pull (absent: everything). */
  watermark?: string;
  /** The pull under way: its cursor, the `since` it pulls with, the latest change seen so far. */
  pull?: { cursor: string; since?: string; startedAt: string; latestSeen?: string };
  lastRun?: SyncRun;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

/** What views and audit records show: never the tokens or the state nonce. */
export type ConnectionView = Omit<Connection, 'sealedTokens' | 'stateNonce' | 'tenantId'>;

export function connectionView(connection: Connection): ConnectionView {
  const { sealedTokens: _tokens, stateNonce: _nonce, tenantId: _tenant, ...view } = connection;
  return view;
}

/**
 * A change can reach the provider between the pull's start and the page that would have held it,
 * and the provider's clock is not ours: the next pull starts a margin before this pull began.
 */
export const WATERMARK_MARGIN_MS = 5 * 60 * 1000;

/** The watermark after a completed pull: the latest change seen, but never after start − margin. */
export function nextWatermark(
  previous: string | undefined,
  latestSeen: string | undefined,
  startedAt: string,
): string | undefined {
  const cap = new Date(new Date(startedAt).getTime() - WATERMARK_MARGIN_MS).toISOString();
  const candidate = latestSeen && latestSeen < cap ? latestSeen : latestSeen ? cap : previous;
  // Never backwards past what an earlier pull completed.
  return previous && candidate && candidate < previous ? previous : candidate;
}

export function emptyCounts(): SyncCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0 };
}
