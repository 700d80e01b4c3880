import * as z from 'zod';

export const caseRef = z.object({
  tenantId: z.string().min(1),
  debtorId: z.string().min(1),
  caseId: z.string().min(1),
});

export const reviewCaseInput = z.object({ caseRef, wake: z.unknown().optional() });

export const parkCaseInput = z.object({
  token: z.string().min(1),
  caseRef,
  status: z.enum(['active', 'paused', 'closed', 'handed_off', 'continued']),
  seenSignals: z.int().min(0),
  waitSeconds: z.int().min(1),
  nextActionAt: z.string().optional(),
});

export const raiseCaseAlarmInput = z.object({
  caseRef,
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose(),
});
