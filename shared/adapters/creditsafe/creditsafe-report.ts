/**
 * Creditsafe's company report → Recoup's normalised credit report. Pure, so the mapping of the
 * documented fields is tested without a network (test/unit/credit).
 */
import type { CompanyStatusFlags, CreditReport, CreditScoreReading } from '../../domain/credit/credit-report';
import { normaliseScore, scoreOfBand } from '../../domain/credit/credit-score-scale';
import { currencyExponent, isCurrencyCode } from '../../domain/money/currencies';
import type { Money } from '../../domain/money/money';
import type {
  CreditsafeCreditRating,
  CreditsafeFinancialValue,
  CreditsafeReportResponse,
} from './creditsafe-json';

export const CREDITSAFE = 'creditsafe';

/** Creditsafe's international score runs 1–100 where a country states no range of its own. */
const DEFAULT_SCALE = { min: '1', max: '100' };

export function creditReportFromCreditsafe(
  response: CreditsafeReportResponse,
  companyId: string,
  fetchedAt: Date,
): CreditReport {
  const report = response.report ?? {};
  const summary = report.companySummary ?? {};
  const rating = report.creditScore?.currentCreditRating ?? summary.creditRating ?? {};
  const band = rating.commonValue?.trim().toUpperCase();
  const registrationNumber = summary.companyRegistrationNumber ?? summary.companyNumber;
  return {
    bureau: CREDITSAFE,
    reportId: response.correlationId ?? `${response.companyId ?? companyId}@${response.dateOfOrder ?? ''}`,
    companyId: response.companyId ?? report.companyId ?? companyId,
    companyName: summary.businessName ?? '',
    country: (summary.country ?? companyId.slice(0, 2)).toUpperCase(),
    ...(registrationNumber ? { registrationNumber } : {}),
    fetchedAt: fetchedAt.toISOString(),
    score: scoreOf(rating),
    ratingBand: band
      ? { code: band, ...(rating.commonDescription ? { description: rating.commonDescription } : {}) }
      : null,
    daysBeyondTerms: nonNegativeNumber(report.paymentData?.dbt),
    industryDaysBeyondTerms: nonNegativeNumber(report.paymentData?.industryDBT),
    // Creditsafe's report has no payment index of the PAYDEX kind; DBT says how it pays.
    paymentIndex: null,
    creditLimit: moneyOf(rating.creditLimit),
    status: statusOf(summary.companyStatus),
  };
}

function scoreOf(rating: CreditsafeCreditRating): CreditScoreReading {
  const provider = rating.providerValue;
  const value = provider?.value?.trim();
  if (value && /^-?\d+(\.\d+)?$/u.test(value)) {
    const scale =
      provider?.minValue !== undefined && provider.maxValue !== undefined
        ? { min: provider.minValue.trim(), max: provider.maxValue.trim() }
        : DEFAULT_SCALE;
    return {
      normalised: normaliseScore(Number(value), Number(scale.min), Number(scale.max)),
      bureauValue: value,
      bureauScale: scale,
    };
  }
  // Some countries rate by letter only: the band's place on the common scale.
  const band = rating.commonValue?.trim();
  return { normalised: band ? scoreOfBand(band) : null, bureauValue: value ?? null, bureauScale: null };
}

/**
 * An amount as the bureau wrote it ("25000", "25000.50", or the JSON number 25000) to minor units,
 * by its digits, never through floating point arithmetic. Null for anything else ("Not Available",
 * a negative, more decimals than the currency has, an unknown currency).
 */
export function moneyOf(value: CreditsafeFinancialValue | undefined): Money | null {
  const currency = value?.currency?.trim().toUpperCase();
  if (!currency || !isCurrencyCode(currency) || value?.value === undefined) return null;
  const text = typeof value.value === 'number' ? String(value.value) : value.value.trim().replace(/,/gu, '');
  const match = /^(\d+)(?:\.(\d+))?$/u.exec(text);
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/u, '');
  if (fraction.length > exponent) return null;
  const amount = Number(match[1]! + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(amount) ? { amount, currency } : null;
}

function nonNegativeNumber(value: number | string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

const DISSOLVED = /dissolved|struck[ -]off|closed|ceased|gelöscht/iu;
const INSOLVENT =
  /liquidat|administration|receiver|insolven|bankrupt|winding[ -]up|\bCVA\b|voluntary arrangement/iu;

/** Creditsafe's status is `Active` or `NonActive`; the description says why (e.g. "In Liquidation"). */
function statusOf(status: { status?: string; description?: string } | undefined): CompanyStatusFlags {
  const description = status?.description?.trim();
  const words = `${status?.status ?? ''} ${description ?? ''}`;
  const dissolved = DISSOLVED.test(words);
  return {
    active: status?.status?.trim().toLowerCase() === 'active' && !dissolved,
    insolvency: INSOLVENT.test(words),
    dissolved,
    ...(description ? { description } : {}),
  };
}
