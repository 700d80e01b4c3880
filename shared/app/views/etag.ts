/** Weak validators are not enough for If-Match; the version is the strong ETag. */
export function etag(version: number): Record<string, string> {
  return { etag: `"${version}"` };
}
