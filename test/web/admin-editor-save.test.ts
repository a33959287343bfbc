import { describe, expect, it } from 'vitest';
import { type LinkClick, leavesPageInApp } from '../../web/src/pages/admin/editor/LeaveGuard';
import { conflictCampaign, sameSurvey } from '../../web/src/pages/admin/editor/SaveConflict';

const HERE = 'http://localhost:3000/admin/kampanjer/2027/enkat/kommun';
const click = (href: string, changes: Partial<LinkClick> = {}): LinkClick => ({
  href,
  target: '',
  download: false,
  button: 0,
  modified: false,
  ...changes,
});

describe('which link clicks leave the survey editor inside the app', () => {
  it('asks for the console’s links and the switch to the other survey', () => {
    expect(leavesPageInApp(click('/admin/kampanjer'), HERE)).toBe(true);
    expect(leavesPageInApp(click('http://localhost:3000/admin/kampanjer/2027/enkat/region'), HERE)).toBe(true);
    expect(leavesPageInApp(click('/admin/kampanjer/2027/enkat/kommun?x=1'), HERE)).toBe(true);
  });

  it('lets through links that keep the page: within the page, new tabs, downloads, other buttons', () => {
    expect(leavesPageInApp(click('#main'), HERE)).toBe(false);
    expect(leavesPageInApp(click(`${HERE}#json-heading`), HERE)).toBe(false);
    expect(leavesPageInApp(click('/admin/kampanjer', { target: '_blank' }), HERE)).toBe(false);
    expect(leavesPageInApp(click('/admin/kampanjer', { modified: true }), HERE)).toBe(false);
    expect(leavesPageInApp(click('/admin/kampanjer', { button: 1 }), HERE)).toBe(false);
    expect(leavesPageInApp(click('blob:http://localhost:3000/abc', { download: true }), HERE)).toBe(false);
  });

  it('leaves another site to the browser’s own beforeunload prompt', () => {
    expect(leavesPageInApp(click('https://klimatkommunerna.se/'), HERE)).toBe(false);
  });
});

describe('a refused save of the survey', () => {
  const campaign = {
    year: 2027,
    title: 'Medlemstest 2027',
    updatedAt: '2027-01-02T10:00:00.000Z',
    surveys: { kommun: { pages: [{ name: 'p1' }] }, region: { pages: [{ name: 'p1' }] } },
  };

  it('reads the stored campaign from the 409 body, and nothing from a body without one', () => {
    expect(conflictCampaign({ error: { code: 'version_conflict' }, current: campaign })).toBe(campaign);
    expect(conflictCampaign({ error: { code: 'version_conflict' } })).toBeNull();
    expect(conflictCampaign({ current: { data: {}, version: 3 } })).toBeNull();
    expect(conflictCampaign(undefined)).toBeNull();
  });

  it('tells whether the stored survey is still the one the editor started from, whatever the key order', () => {
    const started = { title: 'T', pages: [{ name: 'p1', elements: [{ type: 'boolean', name: 'M3', scoreTrue: 1 }] }] };
    const reordered = {
      pages: [{ elements: [{ scoreTrue: 1, name: 'M3', type: 'boolean' }], name: 'p1' }],
      title: 'T',
    };
    expect(sameSurvey(reordered, started)).toBe(true);
    expect(sameSurvey({ ...started, title: 'Ändrad' }, started)).toBe(false);
    expect(sameSurvey({ pages: [...started.pages].reverse().concat(started.pages) }, started)).toBe(false);
  });
});
