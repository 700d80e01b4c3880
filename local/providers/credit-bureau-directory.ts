/**
 * The companies the local credit bureau knows: fictional, one per situation a credit check meets —
 * a sound payer, a slow one, one in liquidation and not rated, and one rated by letter only
 * elsewhere in Europe. Each is written as Creditsafe Connect's search result and report sections.
 */
import type {
  CreditsafeCompany,
  CreditsafeCompanyReport,
} from '../../shared/adapters/creditsafe/creditsafe-json';

export interface DirectoryCompany {
  company: CreditsafeCompany & { id: string; country: string; name: string };
  report: CreditsafeCompanyReport;
}

const rating = (
  commonValue: string,
  commonDescription: string,
  value: string,
  creditLimit: { currency: string; value: string },
) => ({
  commonValue,
  commonDescription,
  creditLimit,
  providerValue: { maxValue: '100', minValue: '1', value },
  providerDescription: commonDescription,
});

export const LOCAL_CREDIT_DIRECTORY: readonly DirectoryCompany[] = [
  {
    company: {
      id: 'GB-0-01234567',
      country: 'GB',
      regNo: '01234567',
      safeNo: 'UK00000001',
      vatNo: ['GB999999973'],
      name: 'ACME WIDGETS LIMITED',
      type: 'Ltd',
      status: 'Active',
      address: { simpleValue: '1 Example Street, London, EC1A 1AA', city: 'London', postCode: 'EC1A 1AA' },
    },
    report: {
      companySummary: {
        businessName: 'ACME WIDGETS LIMITED',
        country: 'GB',
        companyNumber: 'UK00000001',
        companyRegistrationNumber: '01234567',
        companyStatus: { status: 'Active', description: 'Active - Accounts Filed' },
      },
      creditScore: {
        currentCreditRating: rating('A', 'Very Low Risk', '92', { currency: 'GBP', value: '250000' }),
        previousCreditRating: rating('A', 'Very Low Risk', '88', { currency: 'GBP', value: '230000' }),
        latestRatingChangeDate: '2026-01-15T00:00:00Z',
      },
      paymentData: { dbt: 3, industryDBT: 11 },
    },
  },
  {
    company: {
      id: 'GB-0-07654321',
      country: 'GB',
      regNo: '07654321',
      safeNo: 'UK00000002',
      name: 'NORTHWIND TRADING LTD',
      type: 'Ltd',
      status: 'Active',
      address: { simpleValue: '9 Harbour Road, Bristol, BS1 4AA', city: 'Bristol', postCode: 'BS1 4AA' },
    },
    report: {
      companySummary: {
        businessName: 'NORTHWIND TRADING LTD',
        country: 'GB',
        companyRegistrationNumber: '07654321',
        companyStatus: { status: 'Active', description: 'Active - Accounts Filed' },
      },
      creditScore: {
        currentCreditRating: rating('C', 'Moderate Risk', '38', { currency: 'GBP', value: '4500.50' }),
      },
      paymentData: { dbt: 24, industryDBT: 12 },
    },
  },
  {
    company: {
      id: 'GB-0-SC123456',
      country: 'GB',
      regNo: 'SC123456',
      name: 'CALEDONIA FABRICATION LIMITED',
      type: 'Ltd',
      status: 'NonActive',
      address: { simpleValue: '4 Dock Street, Glasgow, G1 1AA', city: 'Glasgow', postCode: 'G1 1AA' },
    },
    report: {
      companySummary: {
        businessName: 'CALEDONIA FABRICATION LIMITED',
        country: 'GB',
        companyRegistrationNumber: 'SC123456',
        companyStatus: { status: 'NonActive', description: 'In Liquidation' },
      },
      creditScore: {
        currentCreditRating: {
          commonValue: 'E',
          commonDescription: 'Not Rated',
          creditLimit: { currency: 'GBP', value: '0' },
          providerValue: { value: 'Not Rated' },
          providerDescription: 'Not Rated',
        },
      },
      paymentData: { dbt: 61, industryDBT: 12 },
    },
  },
  {
    company: {
      id: 'DE-X-HRB123456',
      country: 'DE',
      regNo: 'HRB123456',
      vatNo: ['DE999999999'],
      name: 'Globex GmbH',
      type: 'Ltd',
      status: 'Active',
      address: { simpleValue: 'Beispielstraße 1, 10115 Berlin', city: 'Berlin', postCode: '10115' },
    },
    report: {
      companySummary: {
        businessName: 'Globex GmbH',
        country: 'DE',
        companyRegistrationNumber: 'HRB123456',
        companyStatus: { status: 'Active', description: 'Aktiv' },
      },
      // Rated by letter only, as some partner countries are.
      creditScore: {
        currentCreditRating: {
          commonValue: 'B',
          commonDescription: 'Low Risk',
          creditLimit: { currency: 'EUR', value: '60000' },
        },
      },
    },
  },
];
