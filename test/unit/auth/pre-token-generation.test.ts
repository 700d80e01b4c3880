import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

type Handler = (event: PreTokenGenerationV2TriggerEvent) => Promise<PreTokenGenerationV2TriggerEvent>;

async function loadHandler(federatedTenants?: string): Promise<Handler> {
  if (federatedTenants === undefined) delete process.env.FEDERATED_TENANTS;
  else process.env.FEDERATED_TENANTS = federatedTenants;
  let handler: Handler | undefined;
  await jest.isolateModulesAsync(async () => {
    ({ handler } = await import('../../../functions/auth/pre-token-generation'));
  });
  return handler!;
}

function event(
  userAttributes: Record<string, string>,
  groups: string[] = [],
): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_pool',
    triggerSource: 'TokenGeneration_HostedAuth',
    userName: 'someone',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: {
      userAttributes,
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [] },
      scopes: [],
    },
    // Cognito sends null here; the handler must cope.
    response: { claimsAndScopeOverrideDetails: null as never },
  };
}

describe('pre-token-generation trigger (V2)', () => {
  it('adds tenant_id and debtor_id to both the ID and the access token', async () => {
    const handler = await loadHandler();
    const result = await handler(
      event({ sub: 'u-1', 'custom:tenant_id': 'acme', 'custom:debtor_id': 'dbt_1' }, ['debtor']),
    );
    const claims = { tenant_id: 'acme', debtor_id: 'dbt_1' };
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    });
  });

  it('refuses a user without a tenant, without echoing their attributes', async () => {
    const handler = await loadHandler();
    await expect(handler(event({ sub: 'u-2', email: 'x@example.com' }))).rejects.toThrow(
      'Sign-in refused: this account is not linked to a tenant.',
    );
  });

  it('stamps the bound tenant on federated users', async () => {
    const handler = await loadHandler('{"AcmeSaml":"acme"}');
    const identities = JSON.stringify([{ providerName: 'AcmeSaml', providerType: 'SAML', primary: 'true' }]);
    const result = await handler(event({ sub: 'u-3', identities }, ['collector']));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { tenant_id: 'acme' },
    });
  });

  it('fails at cold start on a broken binding', async () => {
    await expect(loadHandler('{"AcmeSaml":7}')).rejects.toThrow(/not a valid tenant id/);
  });
});
