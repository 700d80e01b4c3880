import { RemovalPolicy } from 'aws-cdk-lib';
import { StandardThreatProtectionMode } from 'aws-cdk-lib/aws-cognito';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { stageConfigFrom } from '../../infra/stage';

const config = (context: Record<string, unknown>) => stageConfigFrom((key) => context[key]);

describe('stage configuration', () => {
  it('defaults to a disposable dev stage', () => {
    expect(config({})).toMatchObject({
      stage: 'dev',
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      logRetention: RetentionDays.TWO_WEEKS,
      mfa: 'required',
      threatProtection: StandardThreatProtectionMode.AUDIT_ONLY,
      alarmEmail: undefined,
      identityProviders: [],
    });
  });

  it('takes the messaging identities from context, and says when they are placeholders', () => {
    expect(config({}).messaging).toMatchObject({ isPlaceholder: true });
    expect(
      config({ emailFrom: 'collections@acme.example', smsOriginationIdentity: 'phone-0123456789abcdef' })
        .messaging,
    ).toEqual({
      emailFrom: 'collections@acme.example',
      smsOriginationIdentity: 'phone-0123456789abcdef',
      isPlaceholder: false,
    });
    expect(() => config({ emailFrom: 'not an address' })).toThrow('emailFrom');
    expect(() => config({ smsOriginationIdentity: '+1 555 0100' })).toThrow('smsOriginationIdentity');
    expect(
      config({
        emailFrom: 'a@b.example',
        smsOriginationIdentity: 'arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-abc123',
      }).messaging.isPlaceholder,
    ).toBe(false);
  });

  it('retains and protects prod', () => {
    expect(config({ stage: 'prod' })).toMatchObject({
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      pointInTimeRecoveryDays: 35,
      logRetention: RetentionDays.ONE_YEAR,
      threatProtection: StandardThreatProtectionMode.FULL_FUNCTION,
      allowPasswordAuth: false,
      callbackUrlsArePlaceholder: true,
    });
  });

  it('reads lists and numbers from -c strings or cdk.json values', () => {
    expect(
      config({
        stage: 'prod',
        callbackUrls: 'https://a.example/cb, https://b.example/cb',
        throttleRate: '20',
      }),
    ).toMatchObject({
      callbackUrls: ['https://a.example/cb', 'https://b.example/cb'],
      callbackUrlsArePlaceholder: false,
      throttle: { rateLimit: 20, burstLimit: 1000 },
    });
    expect(config({ corsOrigins: ['https://app.example'], allowPasswordAuth: 'false' })).toMatchObject({
      corsOrigins: ['https://app.example'],
      allowPasswordAuth: false,
    });
  });

  it('rejects what it does not understand', () => {
    expect(() => config({ stage: 'staging' })).toThrow(/Unknown stage/);
    expect(() => config({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
    expect(() => config({ mfa: 'off' })).toThrow(/mfa/);
    expect(() => config({ logLevel: 'TRACE' })).toThrow(/logLevel/);
    expect(() => config({ callbackUrls: 'http://app.example/cb' })).toThrow(/https/);
    expect(() => config({ authDomainPrefix: 'Recoup_Dev' })).toThrow(/authDomainPrefix/);
  });

  it('binds each tenant identity provider to exactly one tenant', () => {
    expect(
      config({
        samlMetadataUrl: 'https://idp.acme.example/metadata',
        samlTenantId: 'acme',
        oidcIssuer: 'https://login.globex.example',
        oidcClientId: 'client',
        oidcClientSecretName: 'recoup/globex',
        oidcTenantId: 'globex',
        identityProviders: [
          {
            kind: 'saml',
            providerName: 'InitechSaml',
            tenantId: 'initech',
            metadataUrl: 'https://idp.initech.example/md',
          },
        ],
      }).identityProviders,
    ).toEqual([
      {
        kind: 'saml',
        name: 'InitechSaml',
        tenantId: 'initech',
        metadataUrl: 'https://idp.initech.example/md',
      },
      {
        kind: 'saml',
        name: 'TenantSaml',
        tenantId: 'acme',
        metadataUrl: 'https://idp.acme.example/metadata',
      },
      {
        kind: 'oidc',
        name: 'TenantOidc',
        tenantId: 'globex',
        issuerUrl: 'https://login.globex.example',
        clientId: 'client',
        clientSecretName: 'recoup/globex',
        scopes: ['openid', 'email', 'profile'],
      },
    ]);
  });

  it('refuses incomplete or ambiguous federation', () => {
    expect(() => config({ samlMetadataUrl: 'https://idp.example/md' })).toThrow(/samlTenantId/);
    expect(() => config({ oidcIssuer: 'https://idp.example', oidcTenantId: 'acme' })).toThrow(/oidcClientId/);
    expect(() => config({ samlMetadataUrl: 'http://idp.example/md', samlTenantId: 'acme' })).toThrow(/https/);
    expect(() =>
      config({
        samlMetadataUrl: 'https://idp.example/md',
        samlTenantId: 'acme',
        samlProviderName: 'Bad_Name',
      }),
    ).toThrow(/provider name/);
    expect(() =>
      config({
        samlMetadataUrl: 'https://idp.example/md',
        samlTenantId: 'acme',
        identityProviders: [{ kind: 'saml', tenantId: 'b', metadataUrl: 'https://x.example/md' }],
      }),
    ).toThrow(/used twice/);
  });
});
