import { describe, expect, it } from 'vitest';
import { conflictCampaign, sameSurvey } from '../../web/src/pages/admin/editor/SaveConflict';
import { followsInAppLink, leavesPage } from '../../web/src/pages/survey/leaving';

// The editor's LeaveGuard asks through the member survey page's guard (`guardInAppLeaving`): its
// reading of the editor's links.
const HERE = 'http://localhost:3000/admin/kampanjer/2027/enkat/kommun';
const plain = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, more: Partial<{ target: string; download: boolean }> = {}) => ({
  href: new URL(href, HERE).href,
  target: '',
  download: false,
  ...more,
});

describe('which link clicks leave the survey editor inside the app', () => {
  it('asks for the console’s links and the switch to the other survey', () => {
    expect(followsInAppLink(plain, link('/admin/kampanjer'), HERE)).toBe(true);
    expect(followsInAppLink(plain, link('http://localhost:3000/admin/kampanjer/2027/enkat/region'), HERE)).toBe(true);
    expect(followsInAppLink(plain, link('/admin/kampanjer/2027/enkat/kommun?x=1'), HERE)).toBe(true);
  });

  it('leaves new tabs, downloads and jumps within the page alone', () => {
    expect(followsInAppLink(plain, link('#main'), HERE)).toBe(false);
    expect(followsInAppLink(plain, link(`${HERE}#json-heading`), HERE)).toBe(false);
    expect(followsInAppLink(plain, link('/admin/kampanjer', { target: '_blank' }), HERE)).toBe(false);
    expect(followsInAppLink({ ...plain, ctrlKey: true }, link('/admin/kampanjer'), HERE)).toBe(false);
    expect(followsInAppLink({ ...plain, button: 1 }, link('/admin/kampanjer'), HERE)).toBe(false);
    expect(followsInAppLink(plain, link('blob:http://localhost:3000/abc', { download: true }), HERE)).toBe(false);
  });

  it('leaves another site to the browser’s own beforeunload prompt', () => {
    expect(followsInAppLink(plain, link('https://klimatkommunerna.se/'), HERE)).toBe(false);
    expect(leavesPage(HERE, 'https://klimatkommunerna.se/')).toBe(false);
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
