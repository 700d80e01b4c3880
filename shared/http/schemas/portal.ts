import * as z from 'zod/mini';
import { withMeta } from '../../zod';

export const portalLinkView = withMeta(
  z.object({
    link: withMeta(z.string(), {
      description: "The portal path with the signed link in its fragment; put the web apps' origin in front",
      example: '/portal#link=eyJ0Ijoi…',
    }),
    expiresAt: z.string(),
  }),
  { id: 'PortalLink' },
);
