/**
 * The provider sends the admin's browser back with a code: the sealed state names the tenant and
 * the pending connection; the code is traded for tokens, which are sealed and stored, and the
 * connection becomes active (the hourly schedule syncs it from then on). A second QuickBooks
 * company is refused (organisation-binding.ts), and its grant revoked at Intuit.
 */
import { auditor } from '../audit/auditor';
import { connectionView, type Connection } from '../../domain/connectors/connection';
import { PROVIDER_NAMES } from '../../domain/connectors/source-records';
import { RuleViolationError, UpstreamError, ValidationError } from '../../domain/errors';
import {
  AuthorizationRevokedError,
  ConnectorProviderError,
  type AccountingConnector,
} from '../../ports/accounting-connector';
import type { Services } from '../../runtime/services';
import { connectorActor } from '../cases/system-actor';
import { openState } from './connection-state';
import { sealTokens } from './connection-tokens';
import { needsOrganisationBinding, refuseAnotherOrganisation } from './organisation-binding';
import { withdrawGrant } from './withdraw-grant';

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
  const { tokens, organisationId } = await authorize(connector, input, now);
  try {
    await refuseAnotherOrganisation(services.connections, before, organisationId);
  } catch (error) {
    // The refused company's grant is not kept, nor left standing at the provider.
    await withdrawGrant(connector, organisationId, async () => tokens, now);
    throw error;
  }
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
  await services.connections.saveAuthorized(
    before,
    after,
    {
      audit: [
        auditor(services.ids, actor, now)(
          'connection',
          before.id,
          'connection.authorized',
          connectionView(before),
          connectionView(after),
        ),
      ],
    },
    needsOrganisationBinding(before),
  );
  return connectionView(after);
}

/**
 * The provider's refusals as answers the admin can act on, not a 500. A refused code (used,
 * expired, or issued for another redirect) is the request's fault and will not work again: 400,
 * start connecting again. Any other unexpected answer is the provider's failure: 502, try again.
 */
async function authorize(connector: AccountingConnector, input: CallbackInput, now: Date) {
  try {
    const tokens = await connector.exchangeCode(input.code, now);
    const organisationId = await connector.organisation(tokens, { realmId: input.realmId });
    return { tokens, organisationId };
  } catch (error) {
    const name = PROVIDER_NAMES[connector.provider];
    if (error instanceof AuthorizationRevokedError) {
      throw new ValidationError([
        {
          path: 'code',
          message: `was refused by ${name} (used, expired or not issued to Recoup): connect again`,
        },
      ]);
    }
    if (error instanceof ConnectorProviderError) {
      throw new UpstreamError(
        `${name} did not complete the authorization (it answered ${error.status}): connect again`,
      );
    }
    if (unreachable(error)) {
      throw new UpstreamError(`${name} could not be reached to complete the authorization: connect again`);
    }
    throw error;
  }
}

/** fetch's own failures: the provider did not answer at all (network, DNS, TLS, a timeout). */
function unreachable(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
