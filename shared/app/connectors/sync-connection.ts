/**
 * One sync of a connection: pulls the records changed since its watermark page by page, applies
 * each page (apply-source-page.ts), and after each page stores the cursor of the next, so a sync
 * cut short — a timeout, a crash, the provider's rate limit — resumes from the page it stopped at.
 * The watermark moves only when the last page of a pull is applied. An access token the provider
 * refuses is refreshed once; a refused refresh token marks the connection for a new authorization.
 */
import { auditor } from '../audit/auditor';
import {
  connectionView,
  emptyCounts,
  nextWatermark,
  SKIPPED_KEPT,
  type Connection,
  type SyncRun,
} from '../../domain/connectors/connection';
import { latestUpdate, type SourcePage } from '../../domain/connectors/source-records';
import { ConflictError, NotFoundError, RuleViolationError } from '../../domain/errors';
import {
  AccessTokenRejectedError,
  AuthorizationRevokedError,
  RateLimitedError,
  type AccountingConnector,
} from '../../ports/accounting-connector';
import type { Services } from '../../runtime/services';
import { signalCase } from '../cases/signal-case';
import { connectorActor } from '../cases/system-actor';
import { applySourcePage, type ApplyServices } from './apply-source-page';
import { openTokens, sealTokens } from './connection-tokens';

export type SyncServices = ApplyServices &
  Pick<Services, 'connectors' | 'tokenCipher' | 'policies' | 'cases' | 'workflow'>;

/** An access token this close to its expiry is refreshed before use. */
const REFRESH_AHEAD_MS = 60_000;
/** A run that has not saved for this long is taken to have died: another may take over. */
export const STALE_RUN_MS = 15 * 60 * 1000;

export interface SyncOptions {
  /** Stop after this many pages (the caller queues the rest: the cursor is saved). */
  maxPages?: number;
  /** Asked before each page: the function's time runs low (the cursor is saved either way). */
  shouldPause?: () => boolean;
}

export async function syncConnection(
  services: SyncServices,
  tenantId: string,
  connectionId: string,
  options: SyncOptions = {},
): Promise<{ run: SyncRun; more: boolean }> {
  let connection = await services.connections.get(tenantId, connectionId);
  if (!connection) throw new NotFoundError('Connection');
  if (connection.status !== 'active') {
    throw new RuleViolationError(`The connection is ${connection.status.replace('_', ' ')}`);
  }
  const connector = services.connectors[connection.provider];
  if (!connector) throw new RuleViolationError(`${connection.provider} is not configured in this deployment`);
  const now = services.clock.now();
  const running = connection.lastRun?.outcome === 'running' ? connection.lastRun : undefined;
  if (running && now.getTime() - new Date(running.finishedAt ?? running.startedAt).getTime() < STALE_RUN_MS) {
    throw new ConflictError('A sync of this connection is running');
  }

  const run: SyncRun = {
    startedAt: now.toISOString(),
    outcome: 'running',
    pages: 0,
    counts: emptyCounts(),
    skipped: [],
  };
  connection = await save(services, connection, { lastRun: run });
  let tokens = await openTokens(services.tokenCipher, connection);
  const settings = await services.settings.get(tenantId);
  const defaults = {
    timezone: settings.timezone,
    ...(connection.defaults.jurisdiction ? { jurisdiction: connection.defaults.jurisdiction } : {}),
  };

  const refresh = async () => {
    let fresh;
    try {
      fresh = await connector.refresh(tokens.refreshToken, services.clock.now());
    } catch (error) {
      if (!(error instanceof AuthorizationRevokedError)) throw error;
      // A note push may have refreshed meanwhile and retired our refresh token: its tokens are current.
      const latest = await services.connections.get(tenantId, connectionId);
      if (!latest?.sealedTokens || latest.sealedTokens === connection!.sealedTokens) throw error;
      connection = latest;
      tokens = await openTokens(services.tokenCipher, latest);
      return;
    }
    connection = await save(services, connection!, {
      sealedTokens: await sealTokens(services.tokenCipher, connection!, fresh),
    });
    tokens = fresh;
  };

  try {
    for (
      let pages = 0;
      (options.maxPages === undefined || pages < options.maxPages) && !(pages > 0 && options.shouldPause?.());
      pages += 1
    ) {
      if (
        new Date(tokens.accessTokenExpiresAt).getTime() - services.clock.now().getTime() <
        REFRESH_AHEAD_MS
      ) {
        await refresh();
      }
      const pull = connection.pull ?? {
        since: connection.watermark,
        startedAt: services.clock.now().toISOString(),
      };
      const page = await pullOnce(connector, connection, () => tokens.accessToken, pull, refresh);
      const applied = await applySourcePage(services, connection, page, defaults);
      for (const debtorId of applied.touchedDebtors) {
        await signalCase(services, tenantId, debtorId, 'connector');
      }
      run.pages += 1;
      for (const key of Object.keys(run.counts) as (keyof SyncRun['counts'])[]) {
        run.counts[key] += applied.counts[key];
      }
      run.skipped = [...run.skipped, ...applied.skipped].slice(-SKIPPED_KEPT);
      run.finishedAt = services.clock.now().toISOString();
      const latestSeen = latestUpdate(page, 'latestSeen' in pull ? pull.latestSeen : undefined);
      if (page.nextCursor) {
        connection = await save(services, connection, {
          pull: {
            cursor: page.nextCursor,
            ...(pull.since ? { since: pull.since } : {}),
            startedAt: pull.startedAt,
            ...(latestSeen ? { latestSeen } : {}),
          },
          lastRun: run,
        });
        continue;
      }
      const watermark = nextWatermark(connection.watermark, latestSeen, pull.startedAt);
      run.outcome = 'completed';
      connection = await save(services, connection, {
        pull: undefined,
        ...(watermark ? { watermark } : {}),
        lastRun: run,
      });
      return { run, more: false };
    }
    // The page budget is spent: the caller queues the rest, which resumes from the saved cursor.
    run.outcome = 'paused';
    await save(services, connection, { lastRun: run });
    return { run, more: true };
  } catch (error) {
    run.finishedAt = services.clock.now().toISOString();
    if (error instanceof RateLimitedError) {
      run.outcome = 'rate_limited';
      run.error = `rate limited by the provider for ${Math.ceil(error.retryAfterMs / 1000)} s; resumes on the next run`;
      await save(services, connection, { lastRun: run });
      return { run, more: false };
    }
    run.outcome = 'failed';
    run.error = error instanceof Error ? error.message : 'failed';
    await save(services, connection, {
      lastRun: run,
      ...(error instanceof AuthorizationRevokedError ? { status: 'reauthorization_required' as const } : {}),
    });
    throw error;
  }
}

/** One page; a refused access token is refreshed and the page asked for once more. */
async function pullOnce(
  connector: AccountingConnector,
  connection: Connection,
  accessToken: () => string,
  pull: { cursor?: string; since?: string },
  refresh: () => Promise<void>,
): Promise<SourcePage> {
  const session = () => ({
    organisationId: connection.organisationId ?? '',
    accessToken: accessToken(),
    homeCurrency: connection.defaults.currency,
  });
  try {
    return await connector.pull(session(), pull.since, pull.cursor);
  } catch (error) {
    if (!(error instanceof AccessTokenRejectedError)) throw error;
    await refresh();
    return connector.pull(session(), pull.since, pull.cursor);
  }
}

/** Saves the connection's progress (audited only when its status changes). */
async function save(
  services: SyncServices,
  before: Connection,
  changes: Partial<Connection>,
): Promise<Connection> {
  const now = services.clock.now();
  const after: Connection = {
    ...before,
    ...changes,
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  if (changes.pull === undefined && 'pull' in changes) delete after.pull;
  const audit =
    before.status === after.status
      ? []
      : [
          auditor(services.ids, connectorActor(before.tenantId), now)(
            'connection',
            before.id,
            'connection.status_changed',
            connectionView(before),
            connectionView(after),
          ),
        ];
  await services.connections.save(before, after, { audit });
  return after;
}
