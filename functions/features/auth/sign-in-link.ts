/**
 * A sign-in link: `/login#token=…` (and `&next=…`, where to go after). The token rides in the
 * fragment, which browsers never send, so it stays out of CloudFront's access logs; the login page
 * reads it there and redeems it only when the person presses the button.
 */
export function signInLink(baseUrl: string, token: string, next?: string): string {
  const params = new URLSearchParams({ token });
  if (next) params.set('next', next);
  return `${baseUrl}/login#${params.toString()}`;
}
