/**
 * An email address as compared for duplicates: lower-cased, without a `+tag` (sub-addressing
 * reaches the same mailbox at most providers), and for Gmail without the dots it ignores.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function emailKey(email: string): string | undefined {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
