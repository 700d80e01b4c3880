import type { Invoice } from '../../../shared/domain/invoices/invoice';
import { alertDueDates, dueDateAlerts } from '../../../shared/domain/notifications/due-date-alerts';

const invoice = (overrides: Partial<Invoice> = {}): Invoice => ({
  id: 'inv_1',
  tenantId: 't1',
  debtorId: 'dbt_1',
  number: 'INV-1',
  currency: 'EUR',
  amount: 120_000,
  paid: 20_000,
  credited: 0,
  writtenOff: 0,
  issueDate: '2027-02-01',
  dueDate: '2027-03-14',
  version: 1,
  createdAt: '2027-02-01T09:00:00.000Z',
  updatedAt: '2027-02-01T09:00:00.000Z',
  createdBy: 'u1',
  ...overrides,
});

const base = {
  tenantId: 't1',
  date: '2027-03-15',
  dayStart: new Date('2027-03-15T04:00:00.000Z'),
  timeZone: 'America/New_York',
  collectors: [{ id: 'ann', name: 'Ann', email: 'ann@creditor.example', dailyCapacity: 10 }],
  alerts: { daysBeforeDue: [3, 1], managerEmails: ['boss@creditor.example', 'cfo@creditor.example'] },
};

describe('due-date alerts', () => {
  it('look at yesterday’s due date (now late) and each warning day ahead', () => {
    expect(alertDueDates('2027-03-01', base.alerts)).toEqual(['2027-02-28', '2027-03-04', '2027-03-02']);
  });

  it('alert the collector the moment an invoice becomes late, with the outstanding amount', () => {
    const [alert, ...rest] = dueDateAlerts({
      ...base,
      invoices: [{ invoice: invoice(), debtor: { id: 'dbt_1', name: 'Acme', collectorId: 'ann' } }],
    });
    expect(rest).toEqual([]);
    expect(alert).toEqual({
      id: 'ntf:invoice_overdue:inv_1:2027-03-14:ann@creditor.example',
      tenantId: 't1',
      kind: 'invoice_overdue',
      debtorId: 'dbt_1',
      channel: 'email',
      to: 'ann@creditor.example',
      template: 'invoice_overdue',
      subject: 'Overdue: invoice INV-1 of Acme',
      body: 'Invoice INV-1 of Acme was due on 2027-03-14 and became overdue at 2027-03-15T04:00:00.000Z (start of 2027-03-15, America/New_York). Outstanding: €1,000.00.',
      status: 'queued',
      createdAt: '2027-03-15T04:00:00.000Z',
    });
  });

  it('go to the managers when the account has no collector, and format JPY and KWD amounts', () => {
    const alerts = dueDateAlerts({
      ...base,
      invoices: [
        {
          invoice: invoice({ id: 'inv_j', currency: 'JPY', amount: 150_000, paid: 0, dueDate: '2027-03-18' }),
          debtor: { id: 'dbt_2', name: 'Kabushiki' },
        },
        {
          invoice: invoice({
            id: 'inv_k',
            currency: 'KWD',
            amount: 1_234_567,
            paid: 0,
            dueDate: '2027-03-16',
          }),
          debtor: { id: 'dbt_3', name: 'Gulf Co', collectorId: 'someone-who-left' },
        },
      ],
    });
    expect(alerts.map((alert) => [alert.kind, alert.to, alert.subject])).toEqual([
      ['invoice_due_soon', 'boss@creditor.example', 'Due in 3 days: invoice INV-1 of Kabushiki'],
      ['invoice_due_soon', 'cfo@creditor.example', 'Due in 3 days: invoice INV-1 of Kabushiki'],
      ['invoice_due_soon', 'boss@creditor.example', 'Due in 1 day: invoice INV-1 of Gulf Co'],
      ['invoice_due_soon', 'cfo@creditor.example', 'Due in 1 day: invoice INV-1 of Gulf Co'],
    ]);
    expect(alerts[0]!.body).toContain('¥150,000');
    expect(alerts[2]!.body).toContain('KWD');
    expect(alerts[2]!.body).toContain('1,234.567');
  });

  it('stay silent for paid, written-off and disputed invoices and for other due dates', () => {
    const silent = dueDateAlerts({
      ...base,
      invoices: [
        { invoice: invoice({ paid: 120_000 }), debtor: { id: 'd', name: 'Paid' } },
        { invoice: invoice({ writtenOff: 100_000 }), debtor: { id: 'd', name: 'Written off' } },
        { invoice: invoice({ openDisputeId: 'dsp_1' }), debtor: { id: 'd', name: 'Disputed' } },
        { invoice: invoice({ dueDate: '2027-03-20' }), debtor: { id: 'd', name: 'Not today' } },
      ],
    });
    expect(silent).toEqual([]);
  });
});
