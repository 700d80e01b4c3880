/**
 * Stage configuration: everything that differs between `dev` and `prod`, resolved once from CDK
 * context (`-c stage=prod -c alarmEmail=ops@example.com`, or the `context` block of cdk.json).
 * Constructs receive a `StageConfig` and never read context themselves.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { StandardThreatProtectionMode } from 'aws-cdk-lib/aws-cognito';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
const LOG_LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

/**
 * A tenant's own identity provider. The provider is bound to exactly one tenant here, in
 * deployment configuration: the pre-token-generation trigger stamps that tenant on every user who
 * signs in through it. The IdP itself never asserts a tenant id (a tenant's IdP must not be able
 * to claim another tenant, and `custom:tenant_id` is immutable so it cannot be an IdP mapping).
 */
export type FederatedIdentityProvider =
  | { kind: 'saml'; name: string; tenantId: string; metadataUrl: string }
  | {
      kind: 'oidc';
      name: string;
      tenantId: string;
      issuerUrl: string;
      clientId: string;
      /** Secrets Manager secret (name or ARN) holding the client secret as a plain string. */
      clientSecretName: string;
      scopes: string[];
    };

export interface StageConfig {
  stage: StageName;
  /** DESTROY in dev (tear down freely), RETAIN in prod (data and users survive a stack delete). */
  removalPolicy: RemovalPolicy;
  /** DynamoDB table and Cognito user pool deletion protection. */
  deletionProtection: boolean;
  /** DynamoDB point-in-time recovery window (PITR is on in every stage). */
  pointInTimeRecoveryDays: number;
  /** Retention of Lambda and API access log groups. */
  logRetention: RetentionDays;
  /** Lambda application log level (Powertools `LOG_LEVEL` and Lambda's advanced logging control). */
  logLevel: LogLevel;
  /** Where alarm notifications are e-mailed; alarms still go to the SNS topic without it. */
  alarmEmail: string | undefined;
  /** Cognito MFA. `required` by default; `optional` is an explicit, acknowledged relaxation. */
  mfa: 'required' | 'optional';
  /** Cognito threat protection (Plus feature plan): audit in dev, enforced in prod. */
  threatProtection: StandardThreatProtectionMode;
  /** Allow USER_PASSWORD_AUTH on the app client (scripts and smoke tests); dev only by default. */
  allowPasswordAuth: boolean;
  /** OAuth redirect URLs of the web app client. */
  callbackUrls: string[];
  logoutUrls: string[];
  /** True when the callback URLs are the built-in placeholder (prod deployed without `callbackUrls`). */
  callbackUrlsArePlaceholder: boolean;
  /** Cognito hosted domain prefix; default `recoup-<stage>-<account id>`. */
  authDomainPrefix: string | undefined;
  /** Browser origins allowed by CORS on the HTTP API; empty means no CORS configuration. */
  corsOrigins: string[];
  /** Default stage throttling of the HTTP API (requests per second and burst). */
  throttle: { rateLimit: number; burstLimit: number };
  identityProviders: FederatedIdentityProvider[];
  /** Who debtors' emails come from (an SES-verified identity) and which number texts and calls them. */
  messaging: {
    emailFrom: string;
    /** End User Messaging phone number or pool: its id, or its ARN. */
    smsOriginationIdentity: string;
    /** True when either is the built-in placeholder. */
    isPlaceholder: boolean;
  };
}

/** Reads one context value; `app.node.tryGetContext` in the app, a plain object in tests. */
export type ContextReader = (key: string) => unknown;

const DEFAULTS: Record<
  StageName,
  Omit<StageConfig, 'alarmEmail' | 'identityProviders' | 'authDomainPrefix' | 'messaging'>
> = {
  dev: {
    stage: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    pointInTimeRecoveryDays: 7,
    logRetention: RetentionDays.TWO_WEEKS,
    logLevel: 'DEBUG',
    mfa: 'required',
    threatProtection: StandardThreatProtectionMode.AUDIT_ONLY,
    allowPasswordAuth: true,
    callbackUrls: ['http://localhost:3000/auth/callback'],
    logoutUrls: ['http://localhost:3000/'],
    callbackUrlsArePlaceholder: false,
    corsOrigins: [],
    throttle: { rateLimit: 50, burstLimit: 100 },
  },
  prod: {
    stage: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    pointInTimeRecoveryDays: 35,
    logRetention: RetentionDays.ONE_YEAR,
    logLevel: 'INFO',
    mfa: 'required',
    threatProtection: StandardThreatProtectionMode.FULL_FUNCTION,
    allowPasswordAuth: false,
    callbackUrls: ['https://recoup.example.com/auth/callback'],
    logoutUrls: ['https://recoup.example.com/'],
    callbackUrlsArePlaceholder: true,
    corsOrigins: [],
    throttle: { rateLimit: 500, burstLimit: 1000 },
  },
};

export function stageConfigFrom(read: ContextReader): StageConfig {
  const stage = (optionalString(read, 'stage') ?? 'dev') as StageName;
  if (!STAGES.includes(stage)) {
    throw new Error(`Unknown stage "${stage}": use -c stage=${STAGES.join('|')}`);
  }
  const defaults = DEFAULTS[stage];

  const alarmEmail = optionalString(read, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail)) {
    throw new Error(`alarmEmail "${alarmEmail}" is not an e-mail address`);
  }

  const logLevel = (optionalString(read, 'logLevel')?.toUpperCase() ?? defaults.logLevel) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}`);

  const mfa = optionalString(read, 'mfa') ?? defaults.mfa;
  if (mfa !== 'required' && mfa !== 'optional') throw new Error('mfa must be "required" or "optional"');

  const callbackUrls = optionalList(read, 'callbackUrls');
  const logoutUrls = optionalList(read, 'logoutUrls');
  for (const url of [...(callbackUrls ?? []), ...(logoutUrls ?? [])]) assertRedirectUrl(url);

  const authDomainPrefix = optionalString(read, 'authDomainPrefix');
  if (authDomainPrefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix)) {
    throw new Error('authDomainPrefix must be lowercase letters, digits and hyphens (at most 63)');
  }

  return {
    ...defaults,
    logLevel,
    mfa,
    alarmEmail,
    allowPasswordAuth: optionalBoolean(read, 'allowPasswordAuth') ?? defaults.allowPasswordAuth,
    callbackUrls: callbackUrls ?? defaults.callbackUrls,
    logoutUrls: logoutUrls ?? defaults.logoutUrls,
    callbackUrlsArePlaceholder: callbackUrls === undefined && defaults.callbackUrlsArePlaceholder,
    authDomainPrefix,
    corsOrigins: optionalList(read, 'corsOrigins') ?? defaults.corsOrigins,
    throttle: {
      rateLimit: optionalNumber(read, 'throttleRate') ?? defaults.throttle.rateLimit,
      burstLimit: optionalNumber(read, 'throttleBurst') ?? defaults.throttle.burstLimit,
    },
    identityProviders: identityProvidersFrom(read),
    messaging: messagingFrom(read),
  };
}

const PLACEHOLDER_EMAIL_FROM = 'collections@example.com';
const PLACEHOLDER_ORIGINATION = 'phone-number-placeholder';

function messagingFrom(read: ContextReader): StageConfig['messaging'] {
  const emailFrom = optionalString(read, 'emailFrom');
  if (emailFrom !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailFrom)) {
    throw new Error(`emailFrom "${emailFrom}" is not an e-mail address`);
  }
  const origination = optionalString(read, 'smsOriginationIdentity');
  if (
    origination !== undefined &&
    !/^(arn:aws[\w-]*:sms-voice:[\w-]+:\d{12}:(phone-number|pool)\/[\w-]+|(phone|pool)-[\w]+)$/.test(
      origination,
    )
  ) {
    throw new Error(
      'smsOriginationIdentity must be an End User Messaging phone number or pool id (or its ARN)',
    );
  }
  return {
    emailFrom: emailFrom ?? PLACEHOLDER_EMAIL_FROM,
    smsOriginationIdentity: origination ?? PLACEHOLDER_ORIGINATION,
    isPlaceholder: emailFrom === undefined || origination === undefined,
  };
}

/**
 * Federation: either flat keys for one SAML and/or one OIDC provider
 * (`samlMetadataUrl`+`samlTenantId`[+`samlProviderName`],
 * `oidcIssuer`+`oidcClientId`+`oidcClientSecretName`+`oidcTenantId`[+`oidcProviderName`,`oidcScopes`]),
 * or an `identityProviders` array in cdk.json for several tenants, or both.
 */
function identityProvidersFrom(read: ContextReader): FederatedIdentityProvider[] {
  const providers: FederatedIdentityProvider[] = [];

  const listed = read('identityProviders');
  if (listed !== undefined) {
    const parsed: unknown = typeof listed === 'string' ? JSON.parse(listed) : listed;
    if (!Array.isArray(parsed)) throw new Error('identityProviders must be an array');
    for (const entry of parsed as Record<string, unknown>[]) {
      providers.push(providerFrom((key) => entry[key], entry.kind === 'oidc' ? 'oidc' : 'saml', ''));
    }
  }

  if (read('samlMetadataUrl') !== undefined) providers.push(providerFrom(read, 'saml', 'saml'));
  if (read('oidcIssuer') !== undefined) providers.push(providerFrom(read, 'oidc', 'oidc'));

  const names = providers.map((p) => p.name.toLowerCase());
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`identity provider name "${duplicate}" is used twice`);
  return providers;
}

/** Reads one provider; `prefix` is `saml`/`oidc` for flat context keys, '' inside an array entry. */
function providerFrom(read: ContextReader, kind: 'saml' | 'oidc', prefix: string): FederatedIdentityProvider {
  const key = (name: string) => (prefix === '' ? name : prefix + name[0]!.toUpperCase() + name.slice(1));
  const need = (name: string): string => {
    const value = optionalString(read, key(name));
    if (value === undefined) throw new Error(`${kind.toUpperCase()} federation needs context "${key(name)}"`);
    return value;
  };

  const name = optionalString(read, key('providerName')) ?? (kind === 'saml' ? 'TenantSaml' : 'TenantOidc');
  // Cognito provider names: 1-32 characters, no underscore (the federated username is `<name>_<id>`).
  if (!/^[A-Za-z0-9-]{3,32}$/.test(name)) {
    throw new Error(`identity provider name "${name}" must be 3-32 letters, digits or hyphens`);
  }
  const tenantId = need('tenantId');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) throw new Error(`tenant id "${tenantId}" is not valid`);

  if (kind === 'saml') {
    const metadataUrl = need('metadataUrl');
    assertHttpsUrl(metadataUrl, key('metadataUrl'));
    return { kind, name, tenantId, metadataUrl };
  }
  const issuerUrl = optionalString(read, key('issuer')) ?? need('issuerUrl');
  assertHttpsUrl(issuerUrl, key('issuer'));
  return {
    kind,
    name,
    tenantId,
    issuerUrl,
    clientId: need('clientId'),
    clientSecretName: need('clientSecretName'),
    scopes: optionalList(read, key('scopes')) ?? ['openid', 'email', 'profile'],
  };
}

function optionalString(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context "${key}" must be a string`);
  return value.trim();
}

function optionalBoolean(read: ContextReader, key: string): boolean | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`context "${key}" must be true or false`);
}

function optionalNumber(read: ContextReader, key: string): number | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`context "${key}" must be a positive number`);
  return n;
}

/** A list from a cdk.json array or a comma-separated `-c key=a,b` string. */
function optionalList(read: ContextReader, key: string): string[] | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : String(value).split(',');
  const list = items.map((item) => String(item).trim()).filter((item) => item !== '');
  return list.length > 0 ? list : undefined;
}

function assertHttpsUrl(value: string, key: string): void {
  if (!/^https:\/\/[^\s]+$/.test(value)) throw new Error(`context "${key}" must be an https URL`);
}

/** Cognito accepts https redirect URLs, and plain http only for localhost. */
function assertRedirectUrl(value: string): void {
  if (!/^(https:\/\/[^\s]+|http:\/\/localhost(:\d+)?(\/[^\s]*)?)$/.test(value)) {
    throw new Error(`redirect URL "${value}" must be https (or http://localhost)`);
  }
}
