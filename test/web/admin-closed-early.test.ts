import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../web/src/i18n';
import type { Campaign } from '../../web/src/pages/admin/api';
import { CampaignDeadline } from '../../web/src/pages/admin/CampaignLifecycle';
import { closedEarlyAt } from '../../web/src/pages/admin/lib/campaign-lifecycle';

// 23:59 Stockholm time on 28 December; closed at 10:00 Stockholm time on 28 November.
const closesAt = '2026-12-28T22:59:00.000Z';
const closedAt = '2026-11-28T09:00:00.000Z';
const campaign = { year: 2026, title: 'Medlemstest 2026', status: 'published', closesAt, closedAt } as Campaign;

const text = (node: ReactNode) => renderToStaticMarkup(createElement(I18nProvider, null, node)).replace(/<[^>]+>/g, '');

describe('the console: a campaign closed before its deadline', () => {
  it('shows when it was closed, not the deadline it never reached, in the overview and the campaigns list', () => {
    expect(text(createElement(CampaignDeadline, { campaign, label: 'Sista svarsdag' }))).toBe(
      'Stängd 28 november 2026 (före sista svarsdagen 28 december 2026 kl. 23:59)',
    );
    expect(text(createElement(CampaignDeadline, { campaign: { ...campaign, status: 'closed' } }))).toMatch(
      /^Stängd 28 november 2026 /,
    );
  });

  it('shows the deadline while it is open, when it was closed at or after it, and for campaigns closed before closedAt was stored', () => {
    const deadline = 'Sista svarsdag 28 december 2026 kl. 23:59';
    expect(
      text(createElement(CampaignDeadline, { campaign: { ...campaign, status: 'open' }, label: 'Sista svarsdag' })),
    ).toBe(deadline);
    const late = { ...campaign, closedAt: '2027-01-04T09:00:00.000Z' };
    expect(text(createElement(CampaignDeadline, { campaign: late, label: 'Sista svarsdag' }))).toBe(deadline);
    const { closedAt: _none, ...older } = campaign;
    expect(text(createElement(CampaignDeadline, { campaign: older, label: 'Sista svarsdag' }))).toBe(deadline);
    expect(closedEarlyAt({ ...campaign, closedAt: 'not a time' })).toBeNull();
  });
});
