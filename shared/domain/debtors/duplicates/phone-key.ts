/**
 * A phone number as compared for duplicates: E.164 digits. The API accepts phones in E.164 only
 * (`+` and 7–15 digits), so normalising is stripping what a person might have typed around them;
 * anything else is not a usable key.
 */
export function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(digits) ? digits : undefined;
}
