/** The API's shapes the pages read (docs/openapi: the generated document is the reference). */
export interface Balance {
  currency: string;
  outstanding: number;
  overdue: number;
}

export interface Debtor {
  id: string;
  name: string;
  kind: 'person' | 'business';
  email?: string;
  phone?: string;
  jurisdiction: string;
  timezone: string;
  language?: 'en' | 'de';
  riskScore?: number;
  collectorId?: string;
  version: number;
  balances?: Balance[];
  credits?: { currency: string; amount: number }[];
}

export interface Invoice {
  id: string;
  number: string;
  currency: string;
  amount: number;
  outstanding: number;
  issueDate: string;
  dueDate: string;
  status: string;
  openDisputeId?: string;
  planId?: string;
}

export interface Payment {
  id: string;
  currency: string;
  amount: number;
  receivedAt: string;
  method?: string;
  status?: string;
}

export interface PaymentPromise {
  id: string;
  currency: string;
  amount: number;
  dueDate: string;
  graceDays?: number;
  status: 'pending' | 'kept' | 'broken' | 'cancelled';
  createdAt?: string;
}

export interface PaymentPlan {
  id: string;
  currency: string;
  total: number;
  frequency: 'weekly' | 'monthly';
  status: 'active' | 'completed' | 'broken' | 'cancelled';
  schedule: { dueDate: string; amount: number; status?: string }[];
}

export interface Dispute {
  id: string;
  invoiceId: string;
  reason: string;
  status: string;
  openedAt: string;
}

export interface ContactPreferences {
  cease: boolean;
  optOut: { email?: boolean; sms?: boolean; call?: boolean };
  version: number;
}

export interface Activity {
  id: string;
  type: string;
  direction?: string;
  outcome?: string;
  at: string;
  text?: string;
  source: 'person' | 'system';
  status: 'done' | 'refused';
  loggedBy: string;
  delivery?: { status: string };
  compliance?: { allowed: boolean; reasons: { code: string; message: string }[] };
}

export interface WorklistEntry {
  rank: number;
  kind: string;
  reason: string;
  dueAt: string;
  debtorId: string;
  debtorName: string;
  assignedTo: string | null;
  overflow: boolean;
  riskScore?: number;
  overdue?: { currency: string; amount: number };
  daysPastDue: number;
  sourceId: string;
}

export interface ContactCheck {
  allowed: boolean;
  reasons: { code: string; message: string }[];
  nextAllowedAt?: string | null;
  obligations?: string[];
}

export interface CaseView {
  status: string;
  currentState?: string;
  nextActionAt?: string;
  currentStep?: { action: string; date: string };
  history: { at: string; kind: string; detail: string }[];
}

export interface DocumentRecord {
  id: string;
  debtorId: string;
  attachedTo: { kind: 'debtor' | 'invoice' | 'dispute' | 'payment'; id: string };
  fileName: string;
  contentType: string;
  size: number;
  category: string;
  status: 'pending_upload' | 'pending_scan' | 'available' | 'rejected';
  rejectionReason?: string;
  createdAt: string;
  download?: { url: string; expiresAt: string };
}
