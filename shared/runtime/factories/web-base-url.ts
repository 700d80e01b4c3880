import type { ServiceFactory } from '../wire-services';

/** Where the web apps are served (WEB_URL); asked only when a message carries a portal link. */
export const webBaseUrl: ServiceFactory<'webBaseUrl'> = () => () => {
  const url = process.env.WEB_URL;
  if (!url) throw new Error('WEB_URL is not set for this function');
  return url;
};
