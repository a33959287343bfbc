/**
 * The token and return path a sign-in link carries. Links put them in the fragment
 * (`/login#token=…&next=…`), which a browser never sends to a server, so a usable token stays out
 * of CloudFront's access logs and any proxy's. Links sent before that carry them in the query, and
 * `/login?next=…` is how pages send a signed-out visitor to sign in: both are still read.
 */
export function signInLinkParams(search: string, hash: string): { token: string | null; next: string | null } {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  return {
    token: fragment.get('token') || query.get('token'),
    next: fragment.get('next') || query.get('next'),
  };
}
