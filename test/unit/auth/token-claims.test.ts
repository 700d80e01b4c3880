import {
  decideTokenClaims,
  federatedProviderName,
  parseFederatedTenants,
  type TokenClaimsInput,
} from '../../../shared/domain/auth/token-claims';

const input = (overrides: Partial<TokenClaimsInput> = {}): TokenClaimsInput => ({
  userAttributes: { sub: 'u-1', 'custom:tenant_id': 'acme' },
  groups: ['collector'],
  federatedTenants: {},
  ...overrides,
});

const identities = (providerName: string) =>
  JSON.stringify([
    { userId: 'x', providerName, providerType: 'SAML', issuer: null, primary: 'true', dateCreated: '1' },
  ]);

describe('decideTokenClaims', () => {
  it('adds the tenant of a local user', () => {
    expect(decideTokenClaims(input())).toEqual({ ok: true, claims: { tenant_id: 'acme' } });
  });

  it('adds the debtor link when there is one', () => {
    const decision = decideTokenClaims(
      input({
        userAttributes: { 'custom:tenant_id': 'acme', 'custom:debtor_id': 'dbt_01HX' },
        groups: ['debtor'],
      }),
    );
    expect(decision).toEqual({ ok: true, claims: { tenant_id: 'acme', debtor_id: 'dbt_01HX' } });
  });

  it('refuses a user without a tenant', () => {
    expect(decideTokenClaims(input({ userAttributes: { sub: 'u-1' } }))).toEqual({
      ok: false,
      reason: 'missing-tenant',
    });
    expect(decideTokenClaims(input({ userAttributes: { 'custom:tenant_id': '  ' } }))).toEqual({
      ok: false,
      reason: 'missing-tenant',
    });
  });

  it('refuses malformed ids rather than copying them into a token', () => {
    expect(decideTokenClaims(input({ userAttributes: { 'custom:tenant_id': 'acme corp' } }))).toMatchObject({
      ok: false,
      reason: 'invalid-tenant',
    });
    expect(
      decideTokenClaims(input({ userAttributes: { 'custom:tenant_id': 'acme', 'custom:debtor_id': 'a"b' } })),
    ).toMatchObject({ ok: false, reason: 'invalid-debtor' });
    expect(
      decideTokenClaims(input({ userAttributes: { 'custom:tenant_id': 'x'.repeat(65) } })),
    ).toMatchObject({
      ok: false,
    });
  });

  it('refuses a debtor who is not linked to a debtor record', () => {
    expect(decideTokenClaims(input({ groups: ['debtor'] }))).toEqual({
      ok: false,
      reason: 'debtor-without-debtor-id',
    });
  });

  it('gives a federated user the tenant their identity provider is bound to', () => {
    const decision = decideTokenClaims(
      input({
        userAttributes: { identities: identities('AcmeSaml') },
        federatedTenants: { AcmeSaml: 'acme' },
      }),
    );
    expect(decision).toEqual({ ok: true, claims: { tenant_id: 'acme' } });
  });

  it('refuses a federated user of an unbound identity provider', () => {
    const decision = decideTokenClaims(
      input({
        userAttributes: { identities: identities('Stranger') },
        federatedTenants: { AcmeSaml: 'acme' },
      }),
    );
    expect(decision).toEqual({ ok: false, reason: 'missing-tenant' });
  });

  it('refuses when the tenant attribute contradicts the identity provider binding', () => {
    const decision = decideTokenClaims(
      input({
        userAttributes: { 'custom:tenant_id': 'globex', identities: identities('AcmeSaml') },
        federatedTenants: { AcmeSaml: 'acme' },
      }),
    );
    expect(decision).toEqual({ ok: false, reason: 'tenant-mismatch' });
  });
});

describe('federatedProviderName', () => {
  it('reads the primary identity', () => {
    const value = JSON.stringify([
      { providerName: 'Other', primary: false },
      { providerName: 'AcmeSaml', primary: true },
    ]);
    expect(federatedProviderName(value)).toBe('AcmeSaml');
  });

  it('is undefined for local users and for anything malformed', () => {
    expect(federatedProviderName(undefined)).toBeUndefined();
    expect(federatedProviderName('')).toBeUndefined();
    expect(federatedProviderName('not json')).toBeUndefined();
    expect(federatedProviderName('{"providerName":"AcmeSaml"}')).toBeUndefined();
    expect(federatedProviderName('[{"providerName":42}]')).toBeUndefined();
  });
});

describe('parseFederatedTenants', () => {
  it('parses the binding', () => {
    expect(parseFederatedTenants('{"AcmeSaml":"acme"}')).toEqual({ AcmeSaml: 'acme' });
    expect(parseFederatedTenants(undefined)).toEqual({});
    expect(parseFederatedTenants('{}')).toEqual({});
  });

  it('rejects a broken binding instead of ignoring it', () => {
    expect(() => parseFederatedTenants('[]')).toThrow();
    expect(() => parseFederatedTenants('{"AcmeSaml":""}')).toThrow();
    expect(() => parseFederatedTenants('{"AcmeSaml":1}')).toThrow();
    expect(() => parseFederatedTenants('{')).toThrow();
  });
});
