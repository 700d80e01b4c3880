import { invoiceStatus, outstanding, type Invoice } from '../../domain/invoices/invoice';

export function invoiceView(invoice: Invoice) {
  const { tenantId: _tenantId, createdBy: _createdBy, openDisputeId: _openDisputeId, ...fields } = invoice;
  return { ...fields, outstanding: outstanding(invoice), status: invoiceStatus(invoice) };
}
