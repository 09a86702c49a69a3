export const REQUEST_LINK_PATH = '/relationship-requests/';

export function requestLink(baseUrl: string, token: string): string {
  return `${baseUrl}${REQUEST_LINK_PATH}${token}`;
}

/** The tokens of every relationship link found in a message body. */
export function requestTokensIn(body: string): string[] {
  return [...body.matchAll(/\/relationship-requests\/([A-Za-z0-9_-]{20,100})/g)].map((m) => m[1]!);
}
