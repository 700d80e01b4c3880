/**
 * Money in an export: a decimal string in the currency's own exponent (JPY 0, EUR 2, KWD 3) for
 * people and spreadsheets, and the integer minor units beside it for systems that must be exact.
 */
import type { CurrencyCode } from '../money/currencies';
import { toDecimalString } from '../money/money';
import { figure, type CsvCell } from './csv';

export function moneyColumns(amount: number, currency: CurrencyCode): [CsvCell, CsvCell] {
  return [figure(toDecimalString({ amount, currency })), amount];
}
