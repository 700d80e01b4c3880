/**
 * Which statutory late-payment rule pack (domain rules §6) governs a debtor, from the debtor's
 * jurisdiction (ISO 3166-1 country, optionally with an ISO 3166-2 subdivision: `GB`, `GB-SCT`,
 * `DE-BY`, `US-NY`). Germany has its own pack (§ 288 BGB); the other EU member states fall back to
 * the Directive 2011/7/EU pack until a state-specific pack is added; anywhere else has no statutory
 * late interest.
 */
import { EU_MEMBER_STATES } from '../../domain/compliance/jurisdiction-zones';
import { RULE_PACKS, type Jurisdiction, type RulePack } from '../../domain/interest/rule-packs';

/** EU member states other than Germany, which has its own pack. */
export const EU_MEMBER_STATES_WITHOUT_OWN_PACK: ReadonlySet<string> = new Set(
  [...EU_MEMBER_STATES].filter((country) => country !== 'DE'),
);

const JURISDICTION = /^([A-Z]{2})(?:-[A-Z0-9]{1,3})?$/;

/** The rule pack key for a debtor jurisdiction, or undefined when no statutory late interest applies. */
export function rulePackJurisdiction(jurisdiction: string): Jurisdiction | undefined {
  const match = JURISDICTION.exec(jurisdiction.trim().toUpperCase());
  const country = match?.[1];
  if (!country) return undefined;
  if (country === 'GB') return 'GB';
  if (country === 'DE') return 'DE';
  if (EU_MEMBER_STATES_WITHOUT_OWN_PACK.has(country)) return 'EU';
  return undefined;
}

/** The rule pack itself, or undefined when the jurisdiction has none. */
export function rulePackFor(jurisdiction: string): RulePack | undefined {
  const key = rulePackJurisdiction(jurisdiction);
  return key === undefined ? undefined : RULE_PACKS[key];
}
