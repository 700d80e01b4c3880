import { actorFromClaims, parseGroups } from '../../../shared/http/claims';

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
