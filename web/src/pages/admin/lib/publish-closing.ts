/**
 * What the publish dialog says about closing the campaign (unit-tested in
 * test/web/admin-publish-closing.test.ts). Publishing closes only an open campaign: one still
 * before its deadline says until when it is open, one past it that it is still open; a closed or
 * published campaign has nothing to close, so the dialog says nothing of it.
 */
export type PublishClosing = 'beforeDeadline' | 'pastDeadline' | null;

export function publishClosing(campaign: { status: string; closesAt: string }, now: number): PublishClosing {
  if (campaign.status !== 'open') return null;
  return Date.parse(campaign.closesAt) > now ? 'beforeDeadline' : 'pastDeadline';
}
