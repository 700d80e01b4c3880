/**
 * An admin starts connecting an accounting system: a pending connection is stored and the answer
 * names the provider's consent page, with a sealed `state` that brings the admin back to it.
 */
import { randomBytes } from 'node:crypto';
import { auditor } from '../audit/auditor';
import { connectionView, type Connection } from '../../domain/connectors/connection';
import type { ConnectorProvider } from '../../domain/connectors/source-records';
import { RuleViolationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { sealState, STATE_LIFETIME_MS } from './connection-state';

export interface StartConnectionInput {
  provider: ConnectorProvider;
  /** Currency of records that name none; the tenant's base currency by default. */
  currency?: string;
  /** Jurisdiction of customers whose address names no country. */
  jurisdiction?: string;
}

export async function startConnection(
  services: Pick<Services, 'clock' | 'ids' | 'connections' | 'connectors' | 'tokenCipher' | 'settings'>,
  context: UseCaseContext,
  input: StartConnectionInput,
) {
  const connector = services.connectors[input.provider];
  if (!connector) throw new RuleViolationError(`${input.provider} is not configured in this deployment`);
  const tenantId = context.actor.tenantId;
  const currency = input.currency ?? (await services.settings.get(tenantId)).baseCurrency;
  if (!currency) {
    throw new RuleViolationError(
      'Name the currency of records that carry none, or set the base currency in the settings',
    );
  }
  const now = services.clock.now();
  const connection: Connection = {
    id: services.ids.next('con'),
    tenantId,
    provider: input.provider,
    status: 'pending',
    stateNonce: randomBytes(16).toString('base64url'),
    defaults: { currency, ...(input.jurisdiction ? { jurisdiction: input.jurisdiction } : {}) },
    createdAt: now.toISOString(),
    createdBy: context.actor.sub,
    updatedAt: now.toISOString(),
    version: 1,
  };
  const state = await sealState(services.tokenCipher, {
    tenantId,
    connectionId: connection.id,
    nonce: connection.stateNonce!,
    expiresAt: new Date(now.getTime() + STATE_LIFETIME_MS).toISOString(),
  });
  const view = connectionView(connection);
  const body = { ...view, authorizeUrl: await connector.authorizeUrl(state) };
  await services.connections.create(connection, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'connection',
        connection.id,
        'connection.started',
        null,
        view,
      ),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body },
  });
  return body;
}
