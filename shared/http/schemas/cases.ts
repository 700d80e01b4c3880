import * as z from 'zod';

const caseEvent = z.object({
  at: z.string(),
  kind: z.string(),
  detail: z.string(),
  stepIndex: z.int().optional(),
  invoiceId: z.string().optional(),
});

export const caseView = z
  .object({
    id: z.string(),
    debtorId: z.string(),
    status: z.enum(['active', 'paused', 'closed', 'handed_off']),
    pauseReason: z.enum(['dispute', 'cease']).optional(),
    policyId: z.string(),
    policyVersion: z.int(),
    executionName: z.string().meta({ description: 'The Step Functions execution running the case' }),
    currentState: z
      .string()
      .meta({ description: 'ReviewCase, WaitForNextStep, CaseClosed or CaseHandedOff' }),
    currentStep: z
      .object({ index: z.int(), action: z.string(), invoiceId: z.string(), date: z.string() })
      .optional()
      .meta({ description: 'The next step of the cadence' }),
    nextActionAt: z.string().optional(),
    anchors: z.record(z.string(), z.string()).optional().meta({
      description:
        'Per invoice, the date its cadence counts from (its due date, or the day it was taken up if later)',
    }),
    deferred: z
      .object({
        invoiceId: z.string(),
        stepIndex: z.int(),
        channels: z.array(z.string()),
        notBefore: z.string(),
        reasons: z.array(z.string()),
      })
      .optional()
      .meta({ description: 'A contact the compliance gate refused, retried at notBefore' }),
    openedAt: z.string(),
    closedAt: z.string().optional(),
    closeReason: z.enum(['settled', 'handed_off', 'merged']).optional(),
    reviews: z.int(),
    history: z.array(caseEvent),
    version: z.int(),
  })
  .meta({ id: 'CollectionCase' });
