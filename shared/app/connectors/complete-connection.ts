/**
 * The provider sends the admin's browser back with a code: the sealed state names the tenant and
 * the pending connection; the code is traded for tokens, which are sealed and stored, and the
 * connection becomes active (the hourly schedule syncs it from then on).
 */
import { auditor } from '../audit/auditor';
import { connectionView, type Connection } from '../../domain/connectors/connection';
import { RuleViolationError, ValidationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { connectorActor } from '../cases/system-actor';
import { openState } from './connection-state';
import { sealTokens } from './connection-tokens';

export interface CallbackInput {
  code: string;
  state: string;
  /** QuickBooks names the company (realm) here; Xero's tenant comes from its connections API. */
  realmId?: string;
}

export async function completeConnection(
  services: Pick<Services, 'clock' | 'ids' | 'connections' | 'connectors' | 'tokenCipher'>,
  input: CallbackInput,
) {
  const now = services.clock.now();
  const state = await openState(services.tokenCipher, input.state, now);
  const refused = () =>
    new ValidationError([{ path: 'state', message: 'is not a valid, current authorization state' }]);
  if (!state) throw refused();
  const before = await services.connections.get(state.tenantId, state.connectionId);
  if (!before || before.status !== 'pending' || before.stateNonce !== state.nonce) throw refused();
  const connector = services.connectors[before.provider];
  if (!connector) throw new RuleViolationError(`${before.provider} is not configured in this deployment`);
  const tokens = await connector.exchangeCode(input.code, now);
  const organisationId = await connector.organisation(tokens, { realmId: input.realmId });
  const { stateNonce: _used, ...rest } = before;
  const active: Connection = {
    ...rest,
    status: 'active',
    organisationId,
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  const after = { ...active, sealedTokens: await sealTokens(services.tokenCipher, active, tokens) };
  const actor = { ...connectorActor(before.tenantId), sub: before.createdBy };
  await services.connections.save(before, after, {
    audit: [
      auditor(services.ids, actor, now)(
        'connection',
        before.id,
        'connection.authorized',
        connectionView(before),
        connectionView(after),
      ),
    ],
  });
  return connectionView(after);
}
