import fc from 'fast-check';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';
import {
  choosePolicy,
  segmentMatches,
  selectPolicy,
  type DebtorFacts,
} from '../../../shared/domain/policies/policy-selection';
import {
  DEBTOR_SIZES,
  constrainedDimensions,
  type Policy,
  type PolicySegment,
} from '../../../shared/domain/policies/policy';

let sequence = 0;
const policy = (name: string, appliesTo?: PolicySegment, createdAt = '2026-01-01T00:00:00.000Z'): Policy => {
  sequence += 1;
  return {
    id: `pol_${String(sequence).padStart(4, '0')}`,
    tenantId: 'acme',
    name,
    ...(appliesTo ? { appliesTo } : {}),
    steps: [{ offsetDays: 0, action: 'email' }],
    version: 1,
    createdAt,
    createdBy: 'alice',
    updatedAt: createdAt,
  };
};

const globex: DebtorFacts = {
  kind: 'business',
  industryCode: '62.01',
  size: 'small',
  balances: [
    { currency: 'EUR', outstanding: 1_850_00 },
    { currency: 'USD', outstanding: 40_00 },
  ],
  riskScore: 62,
};
const jane: DebtorFacts = {
  kind: 'person',
  balances: [{ currency: 'USD', outstanding: 300_00 }],
  riskScore: 20,
};

describe('segmentMatches', () => {
  it.each<[string, PolicySegment, DebtorFacts, boolean]>([
    ['kind', { kind: 'business' }, globex, true],
    ['another kind', { kind: 'person' }, globex, false],
    ['an industry in the list', { industryCodes: ['47.11', '62.01'] }, globex, true],
    ['no industry on the debtor', { industryCodes: ['62.01'] }, jane, false],
    ['a size in the list', { sizes: ['micro', 'small'] }, globex, true],
    ['no size on the debtor', { sizes: ['small'] }, jane, false],
    [
      'a band in that currency, bounds inclusive',
      { balanceBand: { currency: 'EUR', min: 1_850_00, max: 1_850_00 } },
      globex,
      true,
    ],
    ['over the band', { balanceBand: { currency: 'EUR', max: 1_000_00 } }, globex, false],
    [
      'the band of another currency the debtor owes little in',
      { balanceBand: { currency: 'USD', max: 100_00 } },
      globex,
      true,
    ],
    [
      'a band in a currency the debtor does not owe',
      { balanceBand: { currency: 'GBP', max: 100_00 } },
      globex,
      false,
    ],
    ['a risk band', { riskScore: { min: 60 } }, globex, true],
    ['below the risk band', { riskScore: { min: 60 } }, jane, false],
    ['a risk band and no score', { riskScore: { max: 100 } }, { kind: 'person', balances: [] }, false],
    [
      'every dimension at once',
      {
        kind: 'business',
        industryCodes: ['62.01'],
        sizes: ['small'],
        balanceBand: { currency: 'EUR', min: 1 },
        riskScore: { max: 62 },
      },
      globex,
      true,
    ],
    [
      'all but one dimension',
      { kind: 'business', industryCodes: ['62.01'], sizes: ['large'] },
      globex,
      false,
    ],
  ])('%s', (_case, segment, facts, expected) => {
    expect(segmentMatches(segment, facts)).toBe(expected);
  });
});

describe('selectPolicy', () => {
  const tenantDefault = policy('Our default', undefined, '2026-01-05T00:00:00.000Z');
  const newerDefault = policy('Our new default', undefined, '2026-02-05T00:00:00.000Z');
  const businesses = policy('Businesses', { kind: 'business' }, '2026-01-10T00:00:00.000Z');
  const smallBusinesses = policy('Small businesses', { kind: 'business', sizes: ['micro', 'small'] });
  const riskySmall = policy(
    'Risky',
    { sizes: ['small'], riskScore: { min: 50 } },
    '2026-03-01T00:00:00.000Z',
  );
  const consumers = policy('Consumers', { kind: 'person' });

  it('uses the built-in default while the tenant has no policy', () => {
    expect(selectPolicy([], globex)).toBe(BUILTIN_DEFAULT_POLICY);
    expect(choosePolicy([consumers], globex)).toMatchObject({ reason: 'builtin_default', matchedOn: [] });
  });

  it("uses the tenant's newest default when no segment matches", () => {
    expect(choosePolicy([tenantDefault, consumers, newerDefault], globex)).toMatchObject({
      policy: newerDefault,
      reason: 'tenant_default',
    });
  });

  it('prefers a matching segment over any default', () => {
    expect(choosePolicy([newerDefault, businesses], globex)).toMatchObject({
      policy: businesses,
      reason: 'segment',
      matchedOn: ['kind'],
    });
    expect(selectPolicy([newerDefault, businesses, consumers], jane)).toBe(consumers);
  });

  it('takes the most specific match; on a tie, the newest', () => {
    expect(selectPolicy([businesses, smallBusinesses], globex)).toBe(smallBusinesses);
    // smallBusinesses and riskySmall both constrain two dimensions; riskySmall is newer.
    const choice = choosePolicy([smallBusinesses, businesses, riskySmall, tenantDefault], globex);
    expect(choice).toMatchObject({
      policy: riskySmall,
      reason: 'segment',
      matchedOn: ['sizes', 'riskScore'],
      matchingSegmentPolicies: 3,
    });
    expect(choice.explanation).toContain('Risky');
  });

  const segmentArbitrary: fc.Arbitrary<PolicySegment> = fc
    .record(
      {
        kind: fc.constantFrom('person' as const, 'business' as const),
        industryCodes: fc.uniqueArray(fc.constantFrom('A', 'B', 'C'), { minLength: 1 }),
        sizes: fc.uniqueArray(fc.constantFrom(...DEBTOR_SIZES), { minLength: 1 }),
        balanceBand: fc.record(
          {
            currency: fc.constantFrom('EUR', 'USD'),
            min: fc.integer({ min: 0, max: 1000 }),
            max: fc.integer({ min: 1000, max: 5000 }),
          },
          { requiredKeys: ['currency'] },
        ),
        riskScore: fc.record(
          { min: fc.integer({ min: 0, max: 50 }), max: fc.integer({ min: 50, max: 100 }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    .filter((segment) => constrainedDimensions(segment).length > 0);

  const factsArbitrary: fc.Arbitrary<DebtorFacts> = fc.record(
    {
      kind: fc.constantFrom('person' as const, 'business' as const),
      industryCode: fc.constantFrom('A', 'B', 'C'),
      size: fc.constantFrom(...DEBTOR_SIZES),
      balances: fc.uniqueArray(
        fc.record({
          currency: fc.constantFrom('EUR', 'USD'),
          outstanding: fc.integer({ min: 1, max: 6000 }),
        }),
        { selector: (balance) => balance.currency },
      ),
      riskScore: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: ['kind', 'balances'] },
  );

  const policiesArbitrary = fc
    .array(
      fc.record({
        appliesTo: fc.option(segmentArbitrary, { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 12 },
    )
    .map((entries) =>
      entries.map(({ appliesTo, day }, index) => ({
        ...policy(`P${index}`, appliesTo, `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`),
        id: `pol_${String(index).padStart(4, '0')}`,
      })),
    );

  it('properties: the choice matches the debtor, nothing matching is more specific, and order does not matter', () => {
    fc.assert(
      fc.property(policiesArbitrary, factsArbitrary, fc.nat(), (policies, facts, seed) => {
        const choice = choosePolicy(policies, facts);
        const matching = policies.filter((p) => p.appliesTo && segmentMatches(p.appliesTo, facts));
        const defaults = policies.filter((p) => !p.appliesTo);
        if (matching.length > 0) {
          expect(choice.reason).toBe('segment');
          expect(segmentMatches(choice.policy.appliesTo!, facts)).toBe(true);
          const specificity = constrainedDimensions(choice.policy.appliesTo).length;
          for (const other of matching) {
            const otherSpecificity = constrainedDimensions(other.appliesTo).length;
            expect(otherSpecificity).toBeLessThanOrEqual(specificity);
            if (otherSpecificity === specificity)
              expect(other.createdAt <= choice.policy.createdAt).toBe(true);
          }
        } else if (defaults.length > 0) {
          expect(choice.reason).toBe('tenant_default');
          for (const other of defaults) expect(other.createdAt <= choice.policy.createdAt).toBe(true);
        } else {
          expect(choice.policy).toBe(BUILTIN_DEFAULT_POLICY);
        }
        const rotated = [
          ...policies.slice(seed % (policies.length || 1)),
          ...policies.slice(0, seed % (policies.length || 1)),
        ];
        expect(selectPolicy([...rotated].reverse(), facts)).toBe(choice.policy);
      }),
    );
  });
});
