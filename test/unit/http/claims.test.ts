import { actorFromClaims, parseGroups } from '../../../shared/http/claims';
import { decideTokenClaims } from '../../../shared/domain/auth/token-claims';

describe('claims', () => {
  it('reads groups as API Gateway passes them, as arrays and as JSON', () => {
    expect(parseGroups('[admin manager]')).toEqual(['admin', 'manager']);
    expect(parseGroups(['collector'])).toEqual(['collector']);
    expect(parseGroups('["auditor","debtor"]')).toEqual(['auditor', 'debtor']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('takes tenant and roles from the claims only, and drops unknown roles', () => {
    expect(actorFromClaims({ sub: 'u1', tenant_id: 'acme', 'cognito:groups': '[admin superuser]' })).toEqual({
      sub: 'u1',
      tenantId: 'acme',
      roles: ['admin'],
    });
  });

  it('refuses claims without a well-formed tenant', () => {
    expect(actorFromClaims({ sub: 'u1', 'cognito:groups': '[admin]' })).toBeUndefined();
    expect(
      actorFromClaims({ sub: 'u1', tenant_id: 'acme#DEBTOR#x', 'cognito:groups': '[admin]' }),
    ).toBeUndefined();
    expect(actorFromClaims({ tenant_id: 'acme' })).toBeUndefined();
  });
});

describe('tenant ids', () => {
  it('are judged alike by the token trigger and the API', () => {
    for (const tenant of ['acme', 'acme-eu_2', '-acme', '_x', 'a#b', 'x'.repeat(65), '']) {
      const trigger = decideTokenClaims({
        userAttributes: { 'custom:tenant_id': tenant },
        groups: ['admin'],
        federatedTenants: {},
      }).ok;
      const api = actorFromClaims({ sub: 'u', tenant_id: tenant, 'cognito:groups': '[admin]' }) !== undefined;
      expect([tenant, trigger]).toEqual([tenant, api]);
    }
  });
});
