/** A debtor: the person or business that owes, with where and how they may be reached. */
import type { Actor } from '../actor';

export type DebtorKind = 'person' | 'business';

export interface DebtorSegment {
  industryCode?: string;
  size?: 'micro' | 'small' | 'medium' | 'large' | 'enterprise';
}

export interface PostalAddress {
  lines: string[];
  locality: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

import type { MessageLanguage } from '../messaging/message-locale';
import type { CreditReportSummary } from '../credit/credit-report';

export interface Debtor {
  id: string;
  tenantId: string;
  name: string;
  kind: DebtorKind;
  email?: string;
  phone?: string;
  postalAddress?: PostalAddress;
  /** IANA time zone of the debtor's location; contact hours are computed in it. */
  timezone: string;
  /** ISO 3166 country, optionally with subdivision: `US-NY`, `GB`, `DE`. */
  jurisdiction: string;
  /** The language the debtor asked to be written to; by default the country's (message-locale.ts). */
  language?: MessageLanguage;
  externalRef?: string;
  /** Tax or registration id (VAT number, EIN, company number): the strongest duplicate signal. */
  taxId?: string;
  segment?: DebtorSegment;
  /** 0 (worst) … 1000 (best): entered, or set by the latest credit report. */
  creditScore?: number;
  /** The latest bureau report's summary (credit checks set it; the risk score explains it). */
  creditReport?: CreditReportSummary;
  /** The collector (user `sub`) who works this account: worklist and alerts go to them. */
  collectorId?: string;
  /** Set when a debtor was merged into another; the record stays for its history. */
  mergedInto?: string;
  /** The bulk import that created it, if one did. */
  importId?: string;
  /** The merge (`mrg_…`) that set `mergedInto`: from its start, so nothing new lands meanwhile. */
  mergeId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export type DebtorDraft = Pick<
  Debtor,
  | 'name'
  | 'kind'
  | 'email'
  | 'phone'
  | 'postalAddress'
  | 'timezone'
  | 'jurisdiction'
  | 'language'
  | 'externalRef'
  | 'taxId'
  | 'segment'
  | 'creditScore'
  | 'collectorId'
>;

/** A partial change; `null` clears an optional field. */
export type DebtorChanges = { [K in keyof DebtorDraft]?: DebtorDraft[K] | null };

export function newDebtor(id: string, tenantId: string, draft: DebtorDraft, actor: Actor, now: Date): Debtor {
  const at = now.toISOString();
  return {
    ...withoutUndefined(draft),
    name: draft.name.trim(),
    id,
    tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.sub,
  };
}

/** Applies a partial change; `null` in the request clears an optional field. */
export function changeDebtor(debtor: Debtor, changes: DebtorChanges, now: Date): Debtor {
  const next: Debtor = { ...debtor };
  for (const [key, value] of Object.entries(changes) as [keyof DebtorChanges, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else (next as unknown as Record<string, unknown>)[key] = key === 'name' ? String(value).trim() : value;
  }
  return { ...next, version: debtor.version + 1, updatedAt: now.toISOString() };
}

/** Lower-cased, accent-free form of a name used for prefix search. */
export function searchKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
