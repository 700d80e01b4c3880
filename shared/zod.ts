/**
 * zod/mini, which Lambda bundles use because classic zod's chained methods cannot be tree-shaken,
 * comes with no locale: this module sets the English messages classic zod gives (problem
 * responses and tests carry them). Every module that defines schemas imports it, so it is loaded
 * before anything parses.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

/** Classic zod's `.meta()`: a copy carrying the metadata (an `id` names an OpenAPI component). */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}
