import {
  EU_MEMBER_STATES_WITHOUT_OWN_PACK,
  rulePackFor,
  rulePackJurisdiction,
} from '../../../shared/app/interest/jurisdiction-pack';
import {
  DE_LATE_PAYMENT,
  EU_LATE_PAYMENT,
  GB_LATE_PAYMENT,
} from '../../../shared/domain/interest/rule-packs';

describe('debtor jurisdiction → statutory late-payment rule pack', () => {
  it.each([
    ['GB', 'GB'],
    ['GB-ENG', 'GB'],
    ['GB-SCT', 'GB'],
    ['GB-NIR', 'GB'],
    ['DE', 'DE'],
    ['DE-BY', 'DE'],
    ['FR', 'EU'],
    ['FR-75', 'EU'],
    ['AT', 'EU'],
    ['IE', 'EU'],
    ['ES-MD', 'EU'],
    ['SE', 'EU'],
    ['GR', 'EU'],
    ['HR', 'EU'],
  ])('%s → %s', (jurisdiction, pack) => {
    expect(rulePackJurisdiction(jurisdiction)).toBe(pack);
  });

  it.each(['US-NY', 'US', 'CH', 'NO', 'IS', 'CA-ON', 'AU', 'JP', 'GBR', 'G', '', 'DE-', 'XX-YY-ZZ'])(
    '%s → no statutory late interest',
    (jurisdiction) => {
      expect(rulePackJurisdiction(jurisdiction)).toBeUndefined();
      expect(rulePackFor(jurisdiction)).toBeUndefined();
    },
  );

  it('covers the 27 EU member states: Germany with its own pack, the 26 others with the Directive', () => {
    expect(EU_MEMBER_STATES_WITHOUT_OWN_PACK.size).toBe(26);
    expect(EU_MEMBER_STATES_WITHOUT_OWN_PACK.has('DE')).toBe(false);
    expect(EU_MEMBER_STATES_WITHOUT_OWN_PACK.has('GB')).toBe(false);
    for (const country of EU_MEMBER_STATES_WITHOUT_OWN_PACK) expect(rulePackJurisdiction(country)).toBe('EU');
  });

  it('tolerates case and surrounding blanks', () => {
    expect(rulePackJurisdiction(' gb-wls ')).toBe('GB');
    expect(rulePackJurisdiction('nl')).toBe('EU');
  });

  it('returns the packs themselves', () => {
    expect(rulePackFor('GB-ENG')).toBe(GB_LATE_PAYMENT);
    expect(rulePackFor('DE-BE')).toBe(DE_LATE_PAYMENT);
    expect(rulePackFor('IT')).toBe(EU_LATE_PAYMENT);
  });
});
