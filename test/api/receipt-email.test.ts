import { describe, expect, it } from 'vitest';
import { receiptEmail } from '../../functions/features/responses/receipt.email';
import type { SurveyResponse } from '../../shared/schemas/response.schema';
import { summarizeSurvey } from '../../web/src/lib/survey-summary';

const LINK_TITLE = { default: 'Länk till underlag (beslut eller dokument)', en: 'Link to a decision or document' };

/** Two pages that both ask for a link, as the real surveys do on nearly every page. */
const survey = {
  pages: [
    {
      name: 'mal',
      title: { default: 'Mål, åtgärder och uppföljning', en: 'Goals' },
      elements: [
        { type: 'text', name: 'M0', inputType: 'number', title: 'Utsläpp per invånare' },
        { type: 'text', name: 'M2', inputType: 'number', title: 'Nettonollår' },
        { type: 'boolean', name: 'M3', title: 'Konsumtionsbaserat mål?' },
        { type: 'text', name: 'M3_url', inputType: 'url', title: LINK_TITLE },
      ],
    },
    {
      name: 'tom',
      title: 'En sida utan svar',
      elements: [{ type: 'text', name: 'X', title: 'Obesvarad' }],
    },
    {
      name: 'energi',
      title: { default: 'Energi', en: 'Energy' },
      elements: [
        { type: 'text', name: 'E4_kw', inputType: 'number', title: 'Installerad effekt (kW)' },
        { type: 'text', name: 'E5_mwh', inputType: 'number', title: 'Producerad el (MWh)' },
        { type: 'dropdown', name: 'andel', title: 'Andel', choices: [0.5, 1.5] },
        { type: 'radiogroup', name: 'R', title: 'Skala', choices: [{ value: 2, text: 'Två' }] },
        { type: 'text', name: 'E4_url', inputType: 'url', title: LINK_TITLE },
      ],
    },
  ],
};

const response = {
  year: 2026,
  organisationId: '1281',
  organisationType: 'kommun',
  status: 'submitted',
  version: 2,
  data: {
    M0: 2.4,
    M2: 2045,
    M3: true,
    M3_url: 'https://lund.se/mal.pdf',
    E4_kw: 1500.75,
    E5_mwh: 12500,
    andel: 1.5,
    R: 2,
    E4_url: 'https://lund.se/sol.pdf',
  },
  submittedAt: '2026-03-10T09:00:00.000Z',
  submittedBy: { name: 'Tjänsteperson Lund', email: 'tjansteperson.1281@example.se' },
} as unknown as SurveyResponse;

const email = () =>
  receiptEmail({
    organisationName: 'Lund',
    campaignTitle: 'Medlemstest 2026',
    response,
    survey,
    link: 'https://enkat.klimatkommunerna.se/kvitto',
  });

describe('the receipt email', () => {
  it('writes numbers as Swedish does, as the receipt page does in Swedish (decimal comma, years ungrouped)', () => {
    // Act
    const { text, html } = email();
    // Assert
    expect(text).toContain('- Installerad effekt (kW): 1500,75');
    expect(text).toContain('- Producerad el (MWh): 12\u00a0500');
    expect(text).toContain('- Utsläpp per invånare: 2,4');
    expect(text).toContain('- Nettonollår: 2045');
    expect(text).toContain('- Andel: 1,5');
    expect(text).toContain('- Skala: Två');
    expect(html).toContain('<dt>Installerad effekt (kW)</dt><dd>1500,75</dd>');
    expect(`${text}${html}`).not.toMatch(/1500\.75|2\.4\b|1\.5\b/);
  });

  it('groups the answers under their page titles, so each "Länk till underlag" says which area it belongs to', () => {
    // Act
    const { text, html } = email();
    // Assert: text — a heading line per page with answers, then that page's answers
    const summary = text.slice(text.indexOf('Sammanfattning av svaren:'), text.indexOf('Se kvittot:'));
    expect(summary).toBe(
      [
        'Sammanfattning av svaren:',
        '',
        'Mål, åtgärder och uppföljning',
        '- Utsläpp per invånare: 2,4',
        '- Nettonollår: 2045',
        '- Konsumtionsbaserat mål?: Ja',
        '- Länk till underlag (beslut eller dokument): https://lund.se/mal.pdf',
        '',
        'Energi',
        '- Installerad effekt (kW): 1500,75',
        '- Producerad el (MWh): 12\u00a0500',
        '- Andel: 1,5',
        '- Skala: Två',
        '- Länk till underlag (beslut eller dokument): https://lund.se/sol.pdf',
        '',
        '',
      ].join('\n'),
    );
    // HTML — a heading per page, each over its own list; a page with no answers has none
    expect(html).toContain(
      [
        '<h2>Sammanfattning av svaren</h2>',
        '<h3>Mål, åtgärder och uppföljning</h3>',
        '<dl><dt>Utsläpp per invånare</dt><dd>2,4</dd><dt>Nettonollår</dt><dd>2045</dd>' +
          '<dt>Konsumtionsbaserat mål?</dt><dd>Ja</dd>' +
          '<dt>Länk till underlag (beslut eller dokument)</dt><dd>https://lund.se/mal.pdf</dd></dl>',
        '<h3>Energi</h3>',
        '<dl><dt>Installerad effekt (kW)</dt><dd>1500,75</dd>',
      ].join('\n'),
    );
    expect(html.indexOf('<h3>Energi</h3>')).toBeLessThan(html.indexOf('https://lund.se/sol.pdf'));
    expect(html.indexOf('<h3>Energi</h3>')).toBeGreaterThan(html.indexOf('https://lund.se/mal.pdf'));
    expect(`${text}${html}`).not.toContain('En sida utan svar');
  });
});

describe('the receipt email words choices as the receipt page does', () => {
  /** "Annat" with its text, "Inget av dessa" by its label, a comment area's comment, as on the real surveys. */
  const choices = {
    pages: [
      {
        name: 'om',
        title: 'Om dig',
        elements: [
          {
            type: 'radiogroup',
            name: 'role',
            title: 'Din roll',
            choices: [{ value: 'politiker', text: 'Politiker' }],
            showOtherItem: true,
            otherText: { default: 'Annan roll', en: 'Other role' },
          },
          {
            type: 'checkbox',
            name: 'natverk',
            title: 'Nätverk',
            choices: [{ value: 'a', text: 'Alfa' }],
            showNoneItem: true,
            noneText: { default: 'Inget av dessa', en: 'None of these' },
          },
          { type: 'checkbox', name: 'ramverk', title: 'Ramverk', choices: ['a'], showOtherItem: true },
          { type: 'boolean', name: 'B', title: 'Beslut?', showCommentArea: true },
        ],
      },
    ],
  };
  const data = {
    role: 'other',
    'role-Comment': 'Miljöstrateg',
    natverk: ['none'],
    ramverk: ['a', 'other'],
    'ramverk-Comment': 'Eget ramverk',
    B: true,
    'B-Comment': 'Beslutat i KF',
  };
  const mail = () =>
    receiptEmail({
      organisationName: 'Lund',
      campaignTitle: 'Medlemstest 2026',
      response: { ...response, data } as SurveyResponse,
      survey: choices,
      link: 'https://enkat.klimatkommunerna.se/kvitto',
    });

  it('says "Annat" with its text and "Inget" by its label, never the raw value or a separate comment line', () => {
    // Act
    const { text, html } = mail();
    // Assert
    const summary = text.slice(text.indexOf('Om dig'), text.indexOf('Se kvittot:')).trim();
    expect(summary).toBe(
      [
        'Om dig',
        '- Din roll: Annan roll: Miljöstrateg',
        '- Nätverk: Inget av dessa',
        '- Ramverk: a, Annat: Eget ramverk',
        '- Beslut?: Ja (kommentar: Beslutat i KF)',
      ].join('\n'),
    );
    expect(html).toContain('<dt>Din roll</dt><dd>Annan roll: Miljöstrateg</dd>');
    expect(`${text}${html}`).not.toMatch(/\bother\b|\bnone\b|\(kommentar\):/);
  });

  it('gives each answer exactly the text the receipt page shows in Swedish', () => {
    // Arrange: what the receipt page (and the review page) show
    const page = summarizeSurvey(choices, data, 'sv', { yes: 'Ja', no: 'Nej' })[0]!;
    // Act
    const { text } = mail();
    // Assert
    for (const item of page.items) expect(text).toContain(`- ${item.title}: ${item.answer}\n`);
  });
});
