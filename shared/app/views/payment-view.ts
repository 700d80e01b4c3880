import type { Payment } from '../../domain/payments/payment';

export function paymentView(payment: Payment) {
  const { tenantId: _tenantId, createdBy: _createdBy, ...fields } = payment;
  return fields;
}
