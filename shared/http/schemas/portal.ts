import * as z from 'zod';

export const portalLinkView = z
  .object({
    link: z.string().meta({
      description: "The portal path with the signed link in its fragment; put the web apps' origin in front",
      example: '/portal#link=eyJ0Ijoi…',
    }),
    expiresAt: z.string(),
  })
  .meta({ id: 'PortalLink' });
