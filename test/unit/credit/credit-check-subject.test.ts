import { companyQueryFor } from '../../../shared/domain/credit/credit-check-subject';
import type { Debtor } from '../../../shared/domain/debtors/debtor';
import { RuleViolationError } from '../../../shared/domain/errors';

const debtor = (overrides: Partial<Debtor>): Debtor => ({
  id: 'dbt_1',
  tenantId: 't',
  name: 'Acme Widgets Ltd',
  kind: 'business',
  timezone: 'Europe/London',
  jurisdiction: 'GB',
  version: 1,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
  createdBy: 'u',
  ...overrides,
});

describe('who a credit check looks up', () => {
  it('a company number as the registration number, the country from the address or jurisdiction', () => {
    expect(companyQueryFor(debtor({ taxId: '0123 4567' }))).toEqual({
      country: 'GB',
      name: 'Acme Widgets Ltd',
      registrationNumber: '01234567',
    });
    expect(companyQueryFor(debtor({ taxId: 'SC123456' }))).toMatchObject({ registrationNumber: 'SC123456' });
    expect(
      companyQueryFor(
        debtor({
          jurisdiction: 'US-NY',
          postalAddress: { lines: ['1 Rue'], locality: 'Paris', postalCode: '75001', country: 'fr' },
        }),
      ),
    ).toEqual({ country: 'FR', name: 'Acme Widgets Ltd', postalCode: '75001' });
  });

  it("a VAT number (its country's prefix) as the VAT number", () => {
    expect(companyQueryFor(debtor({ taxId: 'GB 999 9999 73' }))).toMatchObject({ vatNumber: 'GB999999973' });
    expect(companyQueryFor(debtor({ taxId: 'XI999999973' }))).toMatchObject({ vatNumber: 'XI999999973' });
    expect(companyQueryFor(debtor({ jurisdiction: 'DE', taxId: 'DE123456789' }))).toMatchObject({
      country: 'DE',
      vatNumber: 'DE123456789',
    });
    expect(companyQueryFor(debtor({ jurisdiction: 'GR', taxId: 'EL123456789' }))).toMatchObject({
      vatNumber: 'EL123456789',
    });
  });

  it('refuses people: consumer credit checks need a permissible purpose', () => {
    expect(() => companyQueryFor(debtor({ kind: 'person' }))).toThrow(RuleViolationError);
  });
});
