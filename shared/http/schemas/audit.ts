import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { pageQuery } from './common';

export const listAuditQuery = z.strictObject({
  ...pageQuery,
  entityId: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^[a-z]{2,12}(_[0-9A-HJKMNP-TV-Z]{26})?$/,
          'must be an entity id such as dbt_01J… or settings',
        ),
      ),
  ),
});

export const auditEntryView = withMeta(
  z.object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
    at: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  }),
  { id: 'AuditEntry' },
);
