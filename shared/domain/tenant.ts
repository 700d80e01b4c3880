/**
 * A tenant id: it starts every key of the tenant's data (`T#<tenant>#…`), so it may not hold a
 * `#` or anything else a key could be split on. Cognito's token trigger and the API check the
 * same pattern, so nobody holds a token the API would refuse.
 */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isValidTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}
