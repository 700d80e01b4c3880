/**
 * Cognito pre-token-generation trigger (event version V2_0): adds the `tenant_id` and `debtor_id`
 * claims to the ID and access tokens, so API Gateway's JWT authorizer hands handlers a verified
 * tenant. Users who belong to no tenant get no token: the trigger throws and Cognito refuses the
 * sign-in (and every refresh).
 *
 * Environment: `FEDERATED_TENANTS` — JSON object binding federated identity provider names to the
 * tenant their users belong to (set by infra from the stage configuration).
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { decideTokenClaims, parseFederatedTenants } from '../../shared/domain/auth/token-claims';
import { logger } from '../../shared/observability/powertools';

// Parsed at cold start: a broken binding fails every sign-in loudly rather than admitting anyone.
const federatedTenants = parseFederatedTenants(process.env.FEDERATED_TENANTS);

export const handler = async (
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> => {
  const decision = decideTokenClaims({
    userAttributes: event.request.userAttributes,
    groups: event.request.groupConfiguration.groupsToOverride ?? [],
    federatedTenants,
  });

  if (!decision.ok) {
    // No attributes or user name in the log: the Cognito `sub` identifies the user to operators.
    logger.warn('token refused', {
      reason: decision.reason,
      triggerSource: event.triggerSource,
      sub: event.request.userAttributes.sub,
    });
    throw new Error('Sign-in refused: this account is not linked to a tenant.');
  }

  const claims: Record<string, string> = { ...decision.claims };
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...event.response.claimsAndScopeOverrideDetails,
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
};
