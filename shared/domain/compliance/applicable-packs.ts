/** Which packs govern a contact: the law of the debtor's jurisdiction for its kind of debt, on the day. */
import type { CalendarDate } from '../time/calendar-date';
import type { ContactRulePack, DebtKind } from './contact-rule-pack';
import { BUSINESS_DEFAULTS, CONSUMER_FALLBACK, LAW_PACKS, RECOUP_DEFAULTS } from './contact-rule-packs';
import { countryOf, EU_MEMBER_STATES } from './jurisdiction-zones';

function coversJurisdiction(pack: ContactRulePack, jurisdiction: string): boolean {
  const code = jurisdiction.toUpperCase();
  const country = countryOf(code);
  return pack.jurisdictions.some(
    (covered) =>
      covered === code || covered === country || (covered === 'EU' && EU_MEMBER_STATES.has(country)),
  );
}

function inForce(pack: ContactRulePack, on: CalendarDate): boolean {
  return pack.effectiveFrom <= on && (pack.effectiveUntil === undefined || on <= pack.effectiveUntil);
}

/**
 * The statutory packs for the debt, or the strictest fallback for a consumer debt where Recoup has
 * none; business debts always carry the business defaults, and every debt Recoup's own defaults.
 * The tenant's pack, if any, is added.
 */
export function applicablePacks(
  jurisdiction: string,
  debtKind: DebtKind,
  on: CalendarDate,
  tenantPack?: ContactRulePack,
  lawPacks: readonly ContactRulePack[] = LAW_PACKS,
): readonly ContactRulePack[] {
  const law = lawPacks.filter(
    (pack) =>
      pack.debtKinds.includes(debtKind) && inForce(pack, on) && coversJurisdiction(pack, jurisdiction),
  );
  const packs = [...law];
  if (debtKind === 'business') packs.push(BUSINESS_DEFAULTS);
  else if (law.length === 0) packs.push(CONSUMER_FALLBACK);
  packs.push(RECOUP_DEFAULTS);
  if (tenantPack) packs.push(tenantPack);
  return packs;
}
