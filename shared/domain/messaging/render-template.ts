/**
 * Template text with `{{variable}}` placeholders. Strict both ways: a template naming a variable
 * that does not exist is refused when it is written, and rendering without a value for a variable
 * the template uses throws — a message never goes out with a hole or a raw placeholder in it.
 */
export const TEMPLATE_VARIABLES = [
  'debtorName',
  'totalOutstanding',
  'itemisedBalance',
  'oldestDueDate',
  'invoiceCount',
  // The signed link that opens the debtor's portal (filled only for messages that use it).
  'portalLink',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Names used by a template text that are not variables. */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !known.has(name));
}

/** Whether a template text names a variable (a portal link is only made for texts that show it). */
export function usesVariable(text: string, name: TemplateVariable): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((match) => match[1] === name);
}

export function renderTemplate(text: string, values: Readonly<Record<TemplateVariable, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new RangeError(`Template variable ${name} has no value`);
    return value;
  });
}
