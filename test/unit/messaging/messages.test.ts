import type { Invoice } from '../../../shared/domain/invoices/invoice';
import { composeReminder, reminderVariables } from '../../../shared/domain/messaging/compose-reminder';
import { messageFooters } from '../../../shared/domain/messaging/message-footers';
import { debtorLocale, messageLocale } from '../../../shared/domain/messaging/message-locale';
import { builtinTemplate } from '../../../shared/domain/messaging/reminder-templates';
import {
  TEMPLATE_VARIABLES,
  renderTemplate,
  unknownVariables,
} from '../../../shared/domain/messaging/render-template';
import { POLICY_ACTIONS } from '../../../shared/domain/policies/policy';

/** Intl separates amounts and symbols with no-break spaces; the expectations read plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const invoice = (overrides: Partial<Invoice>): Invoice => ({
  id: 'inv_1',
  tenantId: 't1',
  debtorId: 'd1',
  number: 'INV-1',
  currency: 'EUR',
  amount: 125_000,
  paid: 0,
  credited: 0,
  writtenOff: 0,
  issueDate: '2027-01-01',
  dueDate: '2027-02-01',
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  createdBy: 'u1',
  ...overrides,
});

describe('amounts and dates in the debtor’s conventions', () => {
  it('renders EUR, JPY and KWD with their own decimals, per currency, never summed', () => {
    const invoices = [
      invoice({ id: 'a', number: 'A-1', currency: 'EUR', amount: 125_050, dueDate: '2027-02-01' }),
      invoice({ id: 'b', number: 'B-1', currency: 'JPY', amount: 150_000, dueDate: '2027-03-01' }),
      invoice({ id: 'c', number: 'C-1', currency: 'KWD', amount: 1_234_567, dueDate: '2027-04-01' }),
      invoice({ id: 'd', number: 'D-1', currency: 'EUR', amount: 10_000, paid: 10_000 }),
    ];
    const english = reminderVariables('Acme', invoices, messageLocale('US-NY'));
    expect(plain(english.totalOutstanding)).toBe('€1,250.50 + ¥150,000 + KWD 1,234.567');
    expect(plain(english.itemisedBalance).split('\n')).toEqual([
      '- Invoice A-1, due Feb 1, 2027: €1,250.50',
      '- Invoice B-1, due Mar 1, 2027: ¥150,000',
      '- Invoice C-1, due Apr 1, 2027: KWD 1,234.567',
    ]);
    expect(english.oldestDueDate).toBe('Feb 1, 2027');
    expect(english.invoiceCount).toBe('3');
    const german = reminderVariables('Acme', invoices, messageLocale('DE'));
    expect(plain(german.totalOutstanding)).toBe('1.250,50 € + 150.000 ¥ + 1.234,567 KWD');
    expect(plain(german.itemisedBalance)).toContain('- Rechnung A-1, fällig am 01.02.2027: 1.250,50 €');
  });
});

describe('the debtor’s language', () => {
  it('follows the country unless the debtor asked for another', () => {
    expect(messageLocale('AT')).toEqual({ language: 'de', format: 'de-AT' });
    expect(messageLocale('GB')).toEqual({ language: 'en', format: 'en-GB' });
    expect(debtorLocale({ jurisdiction: 'DE', language: 'en' })).toEqual({ language: 'en', format: 'en-DE' });
    expect(debtorLocale({ jurisdiction: 'US-NY', language: 'de' })).toEqual({
      language: 'de',
      format: 'de-US',
    });
    const english = reminderVariables(
      'Acme',
      [invoice({ amount: 125_050 })],
      debtorLocale({ jurisdiction: 'DE', language: 'en' }),
    );
    expect(plain(english.totalOutstanding)).toBe('€1,250.50');
    expect(plain(english.itemisedBalance)).toMatch(/^- Invoice .+, due 1 Feb 2027: €1,250\.50$/);
  });
});

describe('templates', () => {
  it('exist for every step action and written channel in English and German, using known variables only', () => {
    for (const action of POLICY_ACTIONS) {
      for (const channel of ['email', 'sms', 'letter'] as const) {
        for (const language of ['en', 'de'] as const) {
          const template = builtinTemplate(action, channel, language);
          expect(unknownVariables(`${template.subject ?? ''} ${template.body}`)).toEqual([]);
          expect(template.subject === undefined).toBe(channel === 'sms');
        }
      }
    }
  });

  it('render strictly: unknown names are found, missing values refused', () => {
    expect(unknownVariables('Hello {{debtorName}}, {{ balance }} {{ invoiceCount }}')).toEqual(['balance']);
    const values = Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, `<${name}>`])) as never;
    expect(renderTemplate('{{ debtorName }} owes {{totalOutstanding}}', values)).toBe(
      '<debtorName> owes <totalOutstanding>',
    );
    expect(() => renderTemplate('{{debtorName}}', {} as never)).toThrow(RangeError);
  });

  it('compose the final notice for a German business by letter', () => {
    const variables = reminderVariables('Globex GmbH', [invoice({})], messageLocale('DE'));
    const message = composeReminder(builtinTemplate('final_notice', 'letter', 'de'), variables);
    expect(message.template).toBe('builtin-final_notice-letter-de');
    expect(message.subject).toBe('Letzte Mahnung vor weiteren Schritten');
    expect(plain(message.body)).toContain('trotz unserer Erinnerungen sind 1.250,00 € noch offen');
  });
});

describe('footers from the gate’s obligations', () => {
  const details = { itemisedBalance: '- Invoice A-1: $500.00', totalOutstanding: '$500.00' };

  it('give a US consumer’s email the opt-out and the validation notice, and a text the opt-out', () => {
    const email = messageFooters(['validation_notice', 'opt_out_notice'], 'email', 'en', {
      ...details,
      validationPeriodEnd: '2027-04-12',
    });
    expect(email).toHaveLength(2);
    expect(email[0]).toContain('VALIDATION NOTICE');
    expect(email[0]).toContain('You owe $500.00:\n- Invoice A-1: $500.00');
    expect(email[0]).toContain('by 2027-04-12');
    expect(email[1]).toBe('To stop receiving emails about this debt, reply with the word STOP.');
    expect(messageFooters(['validation_notice', 'opt_out_notice'], 'sms', 'en', details)).toEqual([
      'Reply STOP to opt out of texts.',
    ]);
  });

  it('add the time-barred disclosure and the privacy notice where owed, in the debtor’s language', () => {
    const lines = messageFooters(
      ['time_barred_disclosure', 'privacy_notice', 'opt_out_notice'],
      'email',
      'de',
      details,
    );
    expect(lines[0]).toContain('verjährt');
    expect(lines[1]).toContain('DSGVO');
    expect(lines[2]).toContain('STOP');
    expect(messageFooters([], 'letter', 'en', details)).toEqual([]);
  });
});
