import {
  creditNoteFromQuickBooks,
  customerFromQuickBooks,
  invoiceFromQuickBooks,
  paymentFromQuickBooks,
} from '../../../shared/domain/connectors/quickbooks-records';
import { debtorFromSource, e164Phone } from '../../../shared/domain/connectors/debtor-from-source';
import { nextWatermark } from '../../../shared/domain/connectors/connection';

const meta = { CreateTime: '2027-01-01T09:00:00-08:00', LastUpdatedTime: '2027-03-01T10:35:08-08:00' };

describe('QuickBooks Online entities', () => {
  it('reads a customer, its instant in UTC, and makes a debtor in its state and zone', () => {
    const customer = customerFromQuickBooks({
      Id: '58',
      DisplayName: ' Jane Doe ',
      GivenName: 'Jane',
      FamilyName: 'Doe',
      PrimaryEmailAddr: { Address: 'jane@example.com' },
      PrimaryPhone: { FreeFormNumber: '(415) 555-0123' },
      BillAddr: {
        Line1: '12 Ocean Ave',
        City: 'San Francisco',
        CountrySubDivisionCode: 'CA',
        PostalCode: '94112',
        Country: 'United States',
      },
      MetaData: meta,
    });
    expect(customer).toMatchObject({
      sourceId: '58',
      name: 'Jane Doe',
      kind: 'person',
      updatedAt: '2027-03-01T18:35:08.000Z',
    });
    expect(debtorFromSource(customer, 'qbo:58', { timezone: 'UTC' })).toEqual({
      name: 'Jane Doe',
      kind: 'person',
      externalRef: 'qbo:58',
      jurisdiction: 'US-CA',
      timezone: 'America/Los_Angeles',
      email: 'jane@example.com',
      phone: '+14155550123',
      postalAddress: {
        lines: ['12 Ocean Ave'],
        locality: 'San Francisco',
        region: 'CA',
        postalCode: '94112',
        country: 'US',
      },
    });
  });

  it('takes the connection defaults when the address says nothing, and gives up without them', () => {
    const customer = customerFromQuickBooks({
      Id: '7',
      DisplayName: 'Nowhere Ltd',
      CompanyName: 'Nowhere Ltd',
      MetaData: meta,
    });
    expect(customer.kind).toBe('business');
    expect(debtorFromSource(customer, 'qbo:7', { timezone: 'Europe/Berlin' })).toBeUndefined();
    expect(
      debtorFromSource(customer, 'qbo:7', { timezone: 'Europe/Berlin', jurisdiction: 'DE' }),
    ).toMatchObject({
      jurisdiction: 'DE',
      timezone: 'Europe/Berlin',
    });
    // A jurisdiction across zones takes the tenant's zone when it is one of them.
    expect(
      debtorFromSource(customer, 'qbo:7', { timezone: 'America/Chicago', jurisdiction: 'US-FL' }),
    ).toMatchObject({
      timezone: 'America/Chicago',
    });
  });

  it('reads phone numbers people write into E.164 where it can', () => {
    expect(e164Phone('+44 20 7946 0958', 'GB')).toBe('+442079460958');
    expect(e164Phone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(e164Phone('0049 30 1234567', undefined)).toBe('+49301234567');
    expect(e164Phone('555-0100', 'US')).toBeUndefined();
    expect(e164Phone('ext. 12', 'FR')).toBeUndefined();
  });

  it('reads invoices in their currency or the home currency, voided ones as voided', () => {
    const invoice = invoiceFromQuickBooks(
      {
        Id: '130',
        DocNumber: '1037',
        TxnDate: '2027-02-01',
        TotalAmt: 362.07,
        CustomerRef: { value: '58' },
        MetaData: meta,
      },
      'USD',
    );
    expect(invoice).toEqual({
      sourceId: '130',
      customerSourceId: '58',
      number: '1037',
      currency: 'USD',
      amount: 36_207,
      issueDate: '2027-02-01',
      dueDate: '2027-02-01',
      voided: false,
      updatedAt: '2027-03-01T18:35:08.000Z',
    });
    const voided = invoiceFromQuickBooks(
      {
        Id: '131',
        TxnDate: '2027-02-01',
        DueDate: '2027-03-03',
        TotalAmt: 0,
        CurrencyRef: { value: 'KWD' },
        CustomerRef: { value: '58' },
        MetaData: meta,
      },
      'USD',
    );
    expect(voided).toMatchObject({ currency: 'KWD', voided: true, dueDate: '2027-03-03' });
    expect(voided.number).toBeUndefined();
  });

  it('splits a payment into the money allocated and the credit memos it applied', () => {
    const payment = paymentFromQuickBooks(
      {
        Id: '200',
        TxnDate: '2027-02-15',
        TotalAmt: 70,
        CustomerRef: { value: '58' },
        PaymentRefNum: ' 4411 ',
        Line: [
          { Amount: 60, LinkedTxn: [{ TxnId: '130', TxnType: 'Invoice' }] },
          { Amount: 40, LinkedTxn: [{ TxnId: '132', TxnType: 'Invoice' }] },
          { Amount: 30, LinkedTxn: [{ TxnId: '90', TxnType: 'CreditMemo' }] },
        ],
        MetaData: meta,
      },
      'EUR',
    );
    expect(payment).toMatchObject({
      amount: 7000,
      currency: 'EUR',
      receivedAt: '2027-02-15T00:00:00.000Z',
      reference: '4411',
      allocations: [
        { invoiceSourceId: '130', amount: 3000 },
        { invoiceSourceId: '132', amount: 4000 },
      ],
      credits: [
        {
          key: 'Payment:200:CreditMemo:90:Invoice:130',
          creditNoteSourceId: '90',
          invoiceSourceId: '130',
          amount: 3000,
        },
      ],
      voided: false,
    });
    const memo = creditNoteFromQuickBooks(
      {
        Id: '90',
        DocNumber: 'CM-7',
        TxnDate: '2027-02-10',
        TotalAmt: 30,
        CustomerRef: { value: '58' },
        MetaData: meta,
      },
      'EUR',
    );
    expect(memo).toMatchObject({ amount: 3000, number: 'CM-7', applications: [] });
  });
});

describe('the watermark after a pull', () => {
  it('is the latest change seen, never later than the pull start minus the margin, never backwards', () => {
    const started = '2027-03-10T12:00:00.000Z';
    expect(nextWatermark(undefined, '2027-03-10T09:00:00.000Z', started)).toBe('2027-03-10T09:00:00.000Z');
    expect(nextWatermark(undefined, '2027-03-10T11:59:00.000Z', started)).toBe('2027-03-10T11:55:00.000Z');
    expect(nextWatermark('2027-03-09T00:00:00.000Z', undefined, started)).toBe('2027-03-09T00:00:00.000Z');
    expect(nextWatermark('2027-03-10T10:00:00.000Z', '2027-03-10T09:00:00.000Z', started)).toBe(
      '2027-03-10T10:00:00.000Z',
    );
  });
});
