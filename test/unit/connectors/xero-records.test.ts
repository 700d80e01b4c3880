import {
  creditNoteFromXero,
  customerFromXero,
  invoiceFromXero,
  paymentFromXero,
  xeroInstant,
  type XeroCreditNote,
} from '../../../shared/domain/connectors/xero-records';
import { ifModifiedSince } from '../../../shared/adapters/xero/xero-connector';

const updated = '/Date(1804676108000+0000)/';

describe('Xero records', () => {
  it("reads Xero's instants and sends If-Modified-Since as Xero wants it", () => {
    expect(xeroInstant(updated)).toBe('2027-03-10T10:55:08.000Z');
    expect(xeroInstant('/Date(1804676108000+1300)/')).toBe('2027-03-10T10:55:08.000Z');
    expect(xeroInstant('2027-03-10T10:55:08')).toBe('2027-03-10T10:55:08.000Z');
    expect(ifModifiedSince('2027-03-10T10:55:08.123Z')).toBe('2027-03-10T10:55:08');
  });

  it('reads a contact: postal address, phone parts, a tax number making a business', () => {
    const contact = customerFromXero({
      ContactID: 'c1',
      Name: 'Ada Lovelace',
      FirstName: 'Ada',
      LastName: 'Lovelace',
      EmailAddress: 'ada@example.com',
      Phones: [
        { PhoneType: 'MOBILE', PhoneNumber: '7700 900123', PhoneCountryCode: '44' },
        { PhoneType: 'DEFAULT', PhoneNumber: '7946 0958', PhoneAreaCode: '20', PhoneCountryCode: '44' },
      ],
      Addresses: [
        { AddressType: 'STREET', City: 'Bristol', Country: 'GB' },
        {
          AddressType: 'POBOX',
          AddressLine1: '12 Analytical Row',
          City: 'London',
          PostalCode: 'N1 9GU',
          Country: 'United Kingdom',
        },
      ],
      UpdatedDateUTC: updated,
    });
    expect(contact).toMatchObject({
      kind: 'person',
      phone: '+44 20 7946 0958',
      address: { lines: ['12 Analytical Row'], locality: 'London', country: 'United Kingdom' },
      active: true,
    });
    expect(
      customerFromXero({
        ContactID: 'c2',
        Name: 'Ada Ltd',
        FirstName: 'Ada',
        TaxNumber: 'GB123456789',
        UpdatedDateUTC: updated,
      }).kind,
    ).toBe('business');
  });

  it('reads invoices, drafts and voided ones as not owed, amounts exact', () => {
    const base = {
      InvoiceID: 'i1',
      Type: 'ACCREC' as const,
      InvoiceNumber: 'INV-9',
      Contact: { ContactID: 'c1' },
      DateString: '2027-01-15T00:00:00',
      DueDateString: '2027-02-14T00:00:00',
      Total: 0.3,
      CurrencyCode: 'BHD',
      UpdatedDateUTC: updated,
    };
    expect(invoiceFromXero({ ...base, Status: 'AUTHORISED' })).toMatchObject({
      amount: 300,
      issueDate: '2027-01-15',
      dueDate: '2027-02-14',
      voided: false,
    });
    expect(invoiceFromXero({ ...base, Status: 'DRAFT' }).voided).toBe(true);
    expect(invoiceFromXero({ ...base, Status: 'VOIDED' }).voided).toBe(true);
  });

  it('reads a payment against its one invoice, and a credit note with its allocations', () => {
    expect(
      paymentFromXero(
        {
          PaymentID: 'p1',
          Date: '/Date(1802995200000+0000)/',
          Amount: 19.99,
          Status: 'AUTHORISED',
          Invoice: { InvoiceID: 'i1', Contact: { ContactID: 'c1' } },
          UpdatedDateUTC: updated,
        },
        'NZD',
      ),
    ).toMatchObject({
      currency: 'NZD',
      amount: 1999,
      receivedAt: '2027-02-19T00:00:00.000Z',
      allocations: [{ invoiceSourceId: 'i1', amount: 1999 }],
    });
    const source: XeroCreditNote = {
      CreditNoteID: 'n1',
      CreditNoteNumber: 'CN-1',
      Type: 'ACCRECCREDIT',
      Contact: { ContactID: 'c1' },
      DateString: '2027-02-01T00:00:00',
      Status: 'AUTHORISED',
      Total: 150,
      CurrencyCode: 'JPY',
      Allocations: [
        { AllocationID: 'a1', Amount: 100, Invoice: { InvoiceID: 'i1' } },
        { Amount: 50, Invoice: { InvoiceID: 'i2' } },
      ],
      UpdatedDateUTC: updated,
    };
    const note = creditNoteFromXero(source);
    expect(note.applications).toEqual([
      {
        key: 'CreditNote:n1:Allocation:a1:Invoice:i1',
        creditNoteSourceId: 'n1',
        invoiceSourceId: 'i1',
        currency: 'JPY',
        amount: 100,
      },
      {
        key: 'CreditNote:n1:Allocation:1:Invoice:i2',
        creditNoteSourceId: 'n1',
        invoiceSourceId: 'i2',
        currency: 'JPY',
        amount: 50,
      },
    ]);
    expect(creditNoteFromXero({ ...source, Status: 'VOIDED' }).applications).toEqual([]);
  });
});
