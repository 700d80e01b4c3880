/**
 * A tax or registration id (VAT number, EIN, company number) as compared for duplicates: letters
 * and digits only, upper case, so "DE 123 456 789" and "de123456789" meet.
 */
export function taxIdKey(taxId: string): string | undefined {
  const key = taxId.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key.length >= 4 ? key : undefined;
}
