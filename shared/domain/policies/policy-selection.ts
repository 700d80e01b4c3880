/**
 * Which policy applies to a debtor: the most specific segment policy it matches (the number of
 * dimensions its `appliesTo` constrains; ties go to the newest), else the tenant's newest default
 * (a policy without `appliesTo`), else the built-in default cadence.
 */
import type { DebtorKind } from '../debtors/debtor';
import type { CurrencyCode } from '../money/currencies';
import { BUILTIN_DEFAULT_POLICY } from './default-cadence';
import { constrainedDimensions, type DebtorSize, type Policy, type PolicySegment } from './policy';

export interface DebtorFacts {
  kind: DebtorKind;
  industryCode?: string;
  size?: DebtorSize;
  /** Outstanding per currency, minor units. */
  balances: readonly { currency: CurrencyCode; outstanding: number }[];
  /** 0–100; absent when nothing is owed (no score). */
  riskScore?: number;
}

export type PolicyChoiceReason = 'segment' | 'tenant_default' | 'builtin_default';

export interface PolicyChoice {
  policy: Policy;
  reason: PolicyChoiceReason;
  /** The dimensions of the chosen policy's `appliesTo` (all matched); empty for a default. */
  matchedOn: (keyof PolicySegment)[];
  /** Segment policies the debtor matched, the chosen one included. */
  matchingSegmentPolicies: number;
  explanation: string;
}

const within = (value: number, bounds: { min?: number; max?: number }) =>
  (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max);

/**
 * Whether the debtor is in the segment: every constrained dimension must match. A debtor with no
 * value for a constrained dimension (no industry, no risk score) is outside it; a balance band
 * names a currency, so a debtor owing nothing in that currency is outside the band.
 */
export function segmentMatches(segment: PolicySegment, facts: DebtorFacts): boolean {
  if (segment.kind !== undefined && segment.kind !== facts.kind) return false;
  if (
    segment.industryCodes !== undefined &&
    (facts.industryCode === undefined || !segment.industryCodes.includes(facts.industryCode))
  ) {
    return false;
  }
  if (segment.sizes !== undefined && (facts.size === undefined || !segment.sizes.includes(facts.size)))
    return false;
  if (segment.balanceBand !== undefined) {
    const band = segment.balanceBand;
    const owed = facts.balances
      .filter((balance) => balance.currency === band.currency)
      .reduce((sum, balance) => sum + balance.outstanding, 0);
    if (owed <= 0 || !within(owed, band)) return false;
  }
  if (
    segment.riskScore !== undefined &&
    (facts.riskScore === undefined || !within(facts.riskScore, segment.riskScore))
  )
    return false;
  return true;
}

/** Newest first: later creation, then the later id (ids sort by creation time). */
function newestFirst(a: Policy, b: Policy): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function choosePolicy(policies: readonly Policy[], facts: DebtorFacts): PolicyChoice {
  const matching = policies
    .filter((policy) => policy.appliesTo !== undefined && segmentMatches(policy.appliesTo, facts))
    .map((policy) => ({ policy, dimensions: constrainedDimensions(policy.appliesTo) }))
    .sort((a, b) => b.dimensions.length - a.dimensions.length || newestFirst(a.policy, b.policy));
  const best = matching[0];
  if (best) {
    return {
      policy: best.policy,
      reason: 'segment',
      matchedOn: best.dimensions,
      matchingSegmentPolicies: matching.length,
      explanation:
        `The debtor matches ${best.policy.name} on ${best.dimensions.join(', ')}` +
        (matching.length > 1 ? `, the most specific of ${matching.length} matching policies` : ''),
    };
  }
  const tenantDefault = policies.filter((policy) => policy.appliesTo === undefined).sort(newestFirst)[0];
  if (tenantDefault) {
    return {
      policy: tenantDefault,
      reason: 'tenant_default',
      matchedOn: [],
      matchingSegmentPolicies: 0,
      explanation: `No segment policy matches the debtor; ${tenantDefault.name} is the tenant's newest default`,
    };
  }
  return {
    policy: BUILTIN_DEFAULT_POLICY,
    reason: 'builtin_default',
    matchedOn: [],
    matchingSegmentPolicies: 0,
    explanation: 'No segment policy matches the debtor and the tenant has no default policy of its own',
  };
}

/** The policy that applies to a debtor. */
export function selectPolicy(policies: readonly Policy[], facts: DebtorFacts): Policy {
  return choosePolicy(policies, facts).policy;
}
