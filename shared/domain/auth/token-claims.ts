/**
 * Which tenant (and, for debtors, which debtor) a signing-in user acts for: the decision behind
 * the Cognito pre-token-generation trigger, which copies the result into the `tenant_id` and
 * `debtor_id` claims of the ID and access tokens. Handlers trust those claims, so the rules here
 * fail closed: no tenant, no token.
 */
import { isValidTenantId } from '../tenant';

/** The claims added to both tokens. */
export interface TenantClaims {
  tenant_id: string;
  debtor_id?: string;
}

export type TokenClaimsDecision = { ok: true; claims: TenantClaims } | { ok: false; reason: TokenRefusal };

export type TokenRefusal =
  'missing-tenant' | 'invalid-tenant' | 'invalid-debtor' | 'tenant-mismatch' | 'debtor-without-debtor-id';

export interface TokenClaimsInput {
  /** Cognito user attributes as the trigger receives them (`custom:tenant_id`, `identities`, …). */
  userAttributes: Readonly<Record<string, string | undefined>>;
  /** The user's Cognito groups (roles). */
  groups: readonly string[];
  /** Federated identity provider name → the tenant it is bound to (deployment configuration). */
  federatedTenants: Readonly<Record<string, string>>;
}

export const TENANT_ATTRIBUTE = 'custom:tenant_id';
export const DEBTOR_ATTRIBUTE = 'custom:debtor_id';

/** Debtor ids are opaque identifiers: letters, digits, `_` and `-`, at most 64 long. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function decideTokenClaims(input: TokenClaimsInput): TokenClaimsDecision {
  const attributeTenant = nonEmpty(input.userAttributes[TENANT_ATTRIBUTE]);
  const provider = federatedProviderName(input.userAttributes.identities);
  const federatedTenant = provider === undefined ? undefined : input.federatedTenants[provider];

  if (attributeTenant !== undefined && federatedTenant !== undefined && attributeTenant !== federatedTenant) {
    return { ok: false, reason: 'tenant-mismatch' };
  }
  const tenantId = attributeTenant ?? federatedTenant;
  if (tenantId === undefined) return { ok: false, reason: 'missing-tenant' };
  if (!isValidTenantId(tenantId)) return { ok: false, reason: 'invalid-tenant' };

  const debtorId = nonEmpty(input.userAttributes[DEBTOR_ATTRIBUTE]);
  if (debtorId !== undefined && !ID_PATTERN.test(debtorId)) return { ok: false, reason: 'invalid-debtor' };
  // A debtor sees only their own account; without a debtor id the API could not scope them.
  if (input.groups.includes('debtor') && debtorId === undefined) {
    return { ok: false, reason: 'debtor-without-debtor-id' };
  }

  return {
    ok: true,
    claims: debtorId === undefined ? { tenant_id: tenantId } : { tenant_id: tenantId, debtor_id: debtorId },
  };
}

/**
 * The identity provider a federated user signed in with, from Cognito's `identities` attribute
 * (a JSON array of `{ providerName, providerType, userId, primary, … }`); undefined for local users.
 * A malformed attribute counts as no provider, so it can only lose a federated tenant, never gain one.
 */
export function federatedProviderName(identities: string | undefined): string | undefined {
  if (identities === undefined || identities === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(identities);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const entries = parsed.filter(
    (entry): entry is { providerName: string; primary?: unknown } =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { providerName?: unknown }).providerName === 'string',
  );
  const primary = entries.find((entry) => entry.primary === true || entry.primary === 'true') ?? entries[0];
  return primary?.providerName;
}

/**
 * Parses the provider → tenant binding the trigger receives in its environment
 * (`{"AcmeSaml":"acme"}`). Invalid entries are an error: a misconfigured binding must not
 * silently admit users.
 */
export function parseFederatedTenants(json: string | undefined): Record<string, string> {
  if (json === undefined || json.trim() === '') return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('federated tenant binding must be a JSON object');
  }
  const result: Record<string, string> = {};
  for (const [provider, tenant] of Object.entries(parsed)) {
    if (typeof tenant !== 'string' || !isValidTenantId(tenant)) {
      throw new Error(`federated tenant binding for "${provider}" is not a valid tenant id`);
    }
    result[provider] = tenant;
  }
  return result;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
