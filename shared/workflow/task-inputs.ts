import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses

export const caseRef = z.object({
  tenantId: z.string().check(z.minLength(1)),
  debtorId: z.string().check(z.minLength(1)),
  caseId: z.string().check(z.minLength(1)),
});

export const reviewCaseInput = z.object({ caseRef, wake: z.optional(z.unknown()) });

export const parkCaseInput = z.object({
  token: z.string().check(z.minLength(1)),
  caseRef,
  status: z.enum(['active', 'paused', 'closed', 'handed_off', 'continued']),
  seenSignals: z.int().check(z.gte(0)),
  waitSeconds: z.int().check(z.gte(1)),
  nextActionAt: z.optional(z.string()),
});

export const raiseCaseAlarmInput = z.object({
  caseRef,
  error: z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});
