/**
 * The session's bearer token: taken from the link's fragment (`#token=…`), kept in sessionStorage
 * (gone with the tab), and read back from its claims for what the page needs to know (tenant,
 * roles, the debtor a portal token is for). The API verifies it; the page only reads it.
 */
const KEY = 'recoup.token';

export interface Claims {
  sub: string;
  tenantId: string;
  roles: string[];
  debtorId?: string;
  exp?: number;
}

export function takeTokenFromLink(): void {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
}

export function token(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export function claims(): Claims | undefined {
  const value = token();
  const payload = value?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const groups = json['cognito:groups'];
    return {
      sub: String(json.sub ?? ''),
      tenantId: String(json.tenant_id ?? ''),
      roles: Array.isArray(groups) ? groups.map(String) : [],
      ...(typeof json.debtor_id === 'string' ? { debtorId: json.debtor_id } : {}),
      ...(typeof json.exp === 'number' ? { exp: json.exp } : {}),
    };
  } catch {
    return undefined;
  }
}
