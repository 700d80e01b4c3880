/**
 * Creditsafe Connect's documented report JSON (GET /companies/{connectId}: `creditScore.
 * currentCreditRating` with `commonValue`, `providerValue {value, minValue, maxValue}`,
 * `creditLimit {currency, value}`; `companySummary.companyStatus`; `paymentData.dbt`) mapped to the
 * normalised report.
 */
import fc from 'fast-check';
import type { CreditsafeReportResponse } from '../../../shared/adapters/creditsafe/creditsafe-json';
import { creditReportFromCreditsafe, moneyOf } from '../../../shared/adapters/creditsafe/creditsafe-report';

const fetchedAt = new Date('2027-03-01T09:00:00Z');

const documented: CreditsafeReportResponse = {
  correlationId: '7d3a4c1e-1f2b-4c5d-9e8f-0a1b2c3d4e5f',
  companyId: 'GB-0-03836192',
  dateOfOrder: '2027-03-01T09:00:00Z',
  language: 'EN',
  userId: 101010,
  report: {
    companyId: 'GB-0-03836192',
    companySummary: {
      businessName: 'EXAMPLE TRADING LIMITED',
      country: 'GB',
      companyNumber: 'UK03836192',
      companyRegistrationNumber: '03836192',
      companyStatus: { status: 'Active', description: 'Active - Accounts Filed' },
      creditRating: { commonValue: 'B' },
    },
    creditScore: {
      currentCreditRating: {
        commonValue: 'A',
        commonDescription: 'Very Low Risk',
        creditLimit: { currency: 'GBP', value: '125000' },
        providerValue: { maxValue: '100', minValue: '1', value: '71' },
        providerDescription: 'Very Low Risk',
      },
      currentContractLimit: { currency: 'GBP', value: 250000 },
      latestRatingChangeDate: '2026-11-02T00:00:00Z',
    },
    paymentData: { dbt: 7, industryDBT: 14 },
  },
};

describe('mapping a Creditsafe company report', () => {
  it('reads the documented fields into the normalised report', () => {
    expect(creditReportFromCreditsafe(documented, 'GB-0-03836192', fetchedAt)).toEqual({
      bureau: 'creditsafe',
      reportId: '7d3a4c1e-1f2b-4c5d-9e8f-0a1b2c3d4e5f',
      companyId: 'GB-0-03836192',
      companyName: 'EXAMPLE TRADING LIMITED',
      country: 'GB',
      registrationNumber: '03836192',
      fetchedAt: '2027-03-01T09:00:00.000Z',
      // (71 − 1) / 99 × 100 = 70.7 → 71
      score: { normalised: 71, bureauValue: '71', bureauScale: { min: '1', max: '100' } },
      // The current rating wins over the summary's.
      ratingBand: { code: 'A', description: 'Very Low Risk' },
      daysBeyondTerms: 7,
      industryDaysBeyondTerms: 14,
      paymentIndex: null,
      creditLimit: { amount: 12_500_000, currency: 'GBP' },
      status: { active: true, insolvency: false, dissolved: false, description: 'Active - Accounts Filed' },
    });
  });

  it('keeps a report without a numeric rating unscored, and flags insolvency and dissolution', () => {
    const liquidation = creditReportFromCreditsafe(
      {
        correlationId: 'c-2',
        report: {
          companySummary: {
            businessName: 'X',
            companyStatus: { status: 'NonActive', description: 'In Liquidation' },
          },
          creditScore: { currentCreditRating: { commonValue: 'E', providerValue: { value: 'Not Rated' } } },
        },
      },
      'GB-0-SC000001',
      fetchedAt,
    );
    expect(liquidation.score).toEqual({ normalised: null, bureauValue: 'Not Rated', bureauScale: null });
    expect(liquidation.status).toEqual({
      active: false,
      insolvency: true,
      dissolved: false,
      description: 'In Liquidation',
    });
    expect(liquidation.country).toBe('GB');
    expect(liquidation.daysBeyondTerms).toBeNull();
    expect(liquidation.creditLimit).toBeNull();

    const dissolved = creditReportFromCreditsafe(
      { report: { companySummary: { companyStatus: { status: 'NonActive', description: 'Dissolved' } } } },
      'GB-0-1',
      fetchedAt,
    );
    expect(dissolved.status).toMatchObject({ active: false, dissolved: true, insolvency: false });
    expect(dissolved.ratingBand).toBeNull();
    expect(dissolved.reportId).toBe('GB-0-1@');
  });

  it('scores a letter-only rating by its band, and a score without a stated range on 1–100', () => {
    const letter = creditReportFromCreditsafe(
      { report: { creditScore: { currentCreditRating: { commonValue: 'c' } } } },
      'DE-X-1',
      fetchedAt,
    );
    expect(letter.score.normalised).toBe(40);
    expect(letter.ratingBand).toEqual({ code: 'C' });
    const rangeless = creditReportFromCreditsafe(
      { report: { creditScore: { currentCreditRating: { providerValue: { value: '50' } } } } },
      'FR-X-1',
      fetchedAt,
    );
    expect(rangeless.score).toEqual({
      normalised: 49,
      bureauValue: '50',
      bureauScale: { min: '1', max: '100' },
    });
  });
});

describe('credit limits in minor units, exactly', () => {
  it('reads strings and numbers by their digits, in the currency’s decimals', () => {
    expect(moneyOf({ currency: 'GBP', value: '4500.50' })).toEqual({ amount: 450_050, currency: 'GBP' });
    expect(moneyOf({ currency: 'gbp', value: '1,250,000' })).toEqual({
      amount: 125_000_000,
      currency: 'GBP',
    });
    expect(moneyOf({ currency: 'JPY', value: 3_000_000 })).toEqual({ amount: 3_000_000, currency: 'JPY' });
    expect(moneyOf({ currency: 'KWD', value: '12.345' })).toEqual({ amount: 12_345, currency: 'KWD' });
    expect(moneyOf({ currency: 'EUR', value: 0.1 })).toEqual({ amount: 10, currency: 'EUR' });
    expect(moneyOf({ currency: 'EUR', value: '10.10' })).toEqual({ amount: 1010, currency: 'EUR' });
  });

  it('refuses what is not an amount in that currency', () => {
    expect(moneyOf({ currency: 'GBP', value: 'Not Available' })).toBeNull();
    expect(moneyOf({ currency: 'GBP', value: '-5' })).toBeNull();
    expect(moneyOf({ currency: 'JPY', value: '10.5' })).toBeNull();
    expect(moneyOf({ currency: 'XYZ', value: '10' })).toBeNull();
    expect(moneyOf({ value: '10' })).toBeNull();
    expect(moneyOf(undefined)).toBeNull();
    expect(moneyOf({ currency: 'EUR', value: 1e21 })).toBeNull();
  });

  it('never loses or gains a minor unit: cents written as a decimal come back whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(moneyOf({ currency: 'EUR', value: text })).toEqual({ amount: cents, currency: 'EUR' });
      }),
    );
  });
});
