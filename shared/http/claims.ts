/**
 * Reads the caller from the claims API Gateway's JWT authorizer has already verified. Tenant and
 * roles come only from here, never from a request body.
 */
import type { Actor } from '../domain/actor';
import { isRole, type Role } from '../domain/roles';
import { isValidTenantId } from '../domain/tenant';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * HTTP APIs pass array claims as strings such as `[admin manager]`; tokens verified elsewhere
 * carry real arrays or JSON text. All three forms are accepted.
 */
export function parseGroups(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the bracketed form
    }
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** Returns the actor, or undefined when the claims do not identify a tenant user. */
export function actorFromClaims(claims: Claims | undefined): Actor | undefined {
  if (!claims) return undefined;
  const sub = claims.sub;
  const tenantId = claims.tenant_id;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  if (typeof tenantId !== 'string' || !isValidTenantId(tenantId)) return undefined;
  const roles = parseGroups(claims['cognito:groups']).filter(isRole) as Role[];
  const debtorId = typeof claims.debtor_id === 'string' && claims.debtor_id ? claims.debtor_id : undefined;
  return { sub, tenantId, roles, ...(debtorId ? { debtorId } : {}) };
}
