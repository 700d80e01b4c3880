/**
 * A collection note pushed to a synced invoice in the accounting system, so the creditor's
 * bookkeepers see it where they work (QuickBooks: a line added to the invoice's `PrivateNote`).
 * Refused while a sync of the connection runs: both may need to refresh the rotating refresh
 * token, and only one holder of it may. With an `Idempotency-Key` the answer is stored with the
 * audit record, so a retry is answered from it and pushes nothing.
 */
import { createHash } from 'node:crypto';
import { auditor } from '../audit/auditor';
import type { Connection } from '../../domain/connectors/connection';
import { CONNECTOR_PROVIDERS, type ConnectorProvider } from '../../domain/connectors/source-records';
import { providerPrefix } from '../../domain/connectors/external-ref';
import { ConflictError, RuleViolationError } from '../../domain/errors';
import { AccessTokenRejectedError, type ConnectorTokens } from '../../ports/accounting-connector';
import type { ConnectionStore } from '../../ports/connection-store';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleInvoice } from '../invoices/find-invoice';
import { openTokens, sealTokens } from './connection-tokens';
import { STALE_RUN_MS } from './sync-connection';

const REFRESH_AHEAD_MS = 60_000;

/** `qbo:Invoice:130` → the provider and its id, for invoices a connector created. */
function sourceOf(
  externalRef: string | undefined,
): { provider: ConnectorProvider; sourceId: string } | undefined {
  for (const provider of CONNECTOR_PROVIDERS) {
    const prefix = `${providerPrefix(provider)}:Invoice:`;
    if (externalRef?.startsWith(prefix)) return { provider, sourceId: externalRef.slice(prefix.length) };
  }
  return undefined;
}

/**
 * The active connection to the organisation the invoice was synced from. The invoice names no
 * organisation, so it is the tenant's one organisation of the provider: the one bound
 * (organisation-binding.ts), else the only one connected; with several and none bound (Xero,
 * whose organisations are not bound, or connections made before bindings were kept) Recoup
 * cannot tell, and refuses rather than write to another organisation's invoice of that id.
 */
async function connectionHolding(
  store: ConnectionStore,
  tenantId: string,
  provider: ConnectorProvider,
): Promise<Connection | undefined> {
  const bound = await store.boundOrganisation(tenantId, provider);
  const active = (await store.list(tenantId))
    .filter((candidate) => candidate.provider === provider && candidate.status === 'active')
    .filter((candidate) => !bound || candidate.organisationId === bound)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (new Set(active.map((candidate) => candidate.organisationId)).size > 1) {
    throw new ConflictError(
      `More than one ${provider} organisation is connected and the invoice does not say which it came from`,
    );
  }
  return active[0];
}

export async function pushInvoiceNote(
  services: Pick<Services, 'clock' | 'ids' | 'invoices' | 'connections' | 'connectors' | 'tokenCipher'>,
  context: UseCaseContext,
  invoiceId: string,
  text: string,
) {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  const source = sourceOf(invoice.externalRef);
  if (!source)
    throw new RuleViolationError(`Invoice ${invoice.number} did not come from an accounting system`);
  const connector = services.connectors[source.provider];
  if (!connector?.appendInvoiceNote) {
    throw new RuleViolationError(`${source.provider} offers no way to add a note to an invoice`);
  }
  const connection = await connectionHolding(services.connections, context.actor.tenantId, source.provider);
  if (!connection) throw new RuleViolationError(`No active ${source.provider} connection`);
  const now = services.clock.now();
  const run = connection.lastRun;
  if (
    run?.outcome === 'running' &&
    now.getTime() - new Date(run.finishedAt ?? run.startedAt).getTime() < STALE_RUN_MS
  ) {
    throw new ConflictError('A sync of this connection is running; push the note when it has finished');
  }

  let current: Connection = connection;
  let tokens = await openTokens(services.tokenCipher, current);
  const refresh = async () => {
    const fresh: ConnectorTokens = await connector.refresh(tokens.refreshToken, services.clock.now());
    const after = {
      ...current,
      sealedTokens: await sealTokens(services.tokenCipher, current, fresh),
      updatedAt: services.clock.now().toISOString(),
      version: current.version + 1,
    };
    await services.connections.save(current, after, { audit: [] });
    current = after;
    tokens = fresh;
  };
  if (new Date(tokens.accessTokenExpiresAt).getTime() - now.getTime() < REFRESH_AHEAD_MS) await refresh();

  const line = `${now.toISOString().slice(0, 10)} Recoup: ${text}`;
  // Two retries of one request racing each other both get here before either stores its answer:
  // the provider's own idempotency key (from ours) adds the line once.
  const requestId = context.idempotency
    ? createHash('sha256')
        .update(`${context.actor.tenantId}\u0000${context.idempotency.key}`)
        .digest('hex')
        .slice(0, 32)
    : undefined;
  const push = () =>
    connector.appendInvoiceNote!(
      {
        organisationId: current.organisationId ?? '',
        accessToken: tokens.accessToken,
        homeCurrency: current.defaults.currency,
      },
      source.sourceId,
      line,
      requestId,
    );
  try {
    await push();
  } catch (error) {
    if (!(error instanceof AccessTokenRejectedError)) throw error;
    await refresh();
    await push();
  }
  const note = { invoiceId: invoice.id, provider: source.provider, connectionId: current.id, note: line };
  // The audit record rides on a save of the connection as it is now (no other store takes one alone).
  const latest = (await services.connections.get(current.tenantId, current.id)) ?? current;
  await services.connections.save(
    latest,
    { ...latest, updatedAt: now.toISOString(), version: latest.version + 1 },
    {
      audit: [
        auditor(services.ids, context.actor, now)('invoice', invoice.id, 'invoice.note_pushed', null, note),
      ],
      idempotency: context.idempotency && { ...context.idempotency, body: note },
    },
  );
  return note;
}
