/**
 * The kansli's export table: one row per organisation, one column per question (both surveys),
 * then the section scores, the total and the emission outcome (Utfall, never added into the score).
 * Pure; the CSV and xlsx writers both use it. Headers are Swedish only, like the rest of the files.
 */
import type { KlimatlagetReport } from '../klimatlaget/report.schema';
import { MEDIAN_WITHHELD_SV, WITHHELD_SV, withheldNoteSv } from '../klimatlaget/suppression';
// `YYYY-MM-DD HH:MM` in Stockholm time, sortable (shared/i18n/format-date.ts has only the long form).
import { formatStockholm } from '../reminders/send-window';
import type { EmissionOutcome, EmissionOutcomeSource } from '../scoring/emission-outcome.schema';
import type { ScoreResult } from '../scoring/score.schema';
import { compileScoring } from '../scoring/scoring-plan';
import { choiceItems, type JsonObject, localText, walkSurvey } from '../scoring/survey-json';
import type { Cell } from './csv';

type TypeKey = 'kommun' | 'region';

export interface ExportOrganisation {
  id: string;
  name: string;
  type: TypeKey;
}

export interface ExportResponse {
  status: string;
  excused?: boolean;
  submittedAt?: string;
  data: Record<string, unknown>;
  score?: ScoreResult;
}

export interface ResponseTableInput {
  surveys: { kommun: object; region: object };
  organisations: readonly ExportOrganisation[];
  responses: ReadonlyMap<string, ExportResponse>;
  emissionOutcomes?: ReadonlyMap<string, EmissionOutcome | null>;
  /** Whether each organisation's Utfall is the one frozen at publish or computed from today's emissions. */
  emissionOutcomeSources?: ReadonlyMap<string, EmissionOutcomeSource>;
}

export interface ResponseTable {
  header: string[];
  rows: Cell[][];
}

/** Yes/no cells as the answers write them (`answerCell`), the same in the CSV and the xlsx. */
const YES = 'Ja';
const NO = 'Nej';
const STATUS_TEXT: Record<string, string> = { submitted: 'Inskickad', draft: 'Utkast', not_started: 'Ej påbörjad' };
/** The kansli reads times in Stockholm time, so the column says so and holds no UTC instant. */
const SUBMITTED_HEADER = 'Inskickad (svensk tid)';
const NOT_ANSWERS = new Set(['html', 'image', 'expression', 'panel', 'paneldynamic']);

interface QuestionColumn {
  type: TypeKey;
  name: string;
  json: JsonObject;
}

function questionColumns(survey: object, type: TypeKey): QuestionColumn[] {
  return walkSurvey(survey)
    .questions.filter((q) => !NOT_ANSWERS.has(q.type))
    .map((q) => ({ type, name: q.name, json: q.json }));
}

/** An answer as a readable cell: Ja/Nej, the choice's Swedish text, numbers as numbers. */
export function answerCell(question: JsonObject, value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  const textOf = (v: unknown): string => {
    const item = choiceItems(question).find((choice) => String(choice.value) === String(v));
    return item ? (localText(item.text, 'sv') ?? String(item.value)) : String(v);
  };
  if (typeof value === 'boolean') {
    return value ? (localText(question.labelTrue, 'sv') ?? 'Ja') : (localText(question.labelFalse, 'sv') ?? 'Nej');
  }
  if (typeof value === 'number') return choiceItems(question).length > 0 ? textOf(value) : value;
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return choiceItems(question).length > 0 ? textOf(value) : String(value);
}

/** Builds the export table. Headers are "name – title" for questions and sections. */
export function responseTable(input: ResponseTableInput): ResponseTable {
  const questions = [
    ...questionColumns(input.surveys.kommun, 'kommun'),
    ...questionColumns(input.surveys.region, 'region'),
  ];
  const sections = (['kommun', 'region'] as const).flatMap((type) =>
    compileScoring(input.surveys[type])
      .pages.filter((page) => page.max > 0)
      .map((page) => ({ type, name: page.name, title: page.title })),
  );
  const header = [
    'Kod',
    'Organisation',
    'Typ',
    'Status',
    'Befriad',
    SUBMITTED_HEADER,
    ...questions.map((q) => `${q.name} – ${localText(q.json.title, 'sv') ?? q.name}`),
    ...sections.map((s) => `Poäng ${s.type}: ${s.name} – ${s.title}`),
    'Poäng totalt',
    'Max',
    'Andel av max (%)',
    'Betyg',
    'Baskrav uppfyllda',
    'Utfall: år',
    'Utfall: t CO2e per invånare',
    'Utfall: förändring sedan 1990 (%)',
    'Utfall: förändring senaste 5 åren (%)',
    'Utfall: poäng',
    'Utfall: max',
    'Utfall: underlag',
  ];
  const rows = input.organisations.map((organisation): Cell[] => {
    const response = input.responses.get(organisation.id);
    const data = response?.data ?? {};
    const score = response?.status === 'submitted' ? response.score : undefined;
    const outcome = input.emissionOutcomes?.get(organisation.id) ?? null;
    const outcomeSource = input.emissionOutcomeSources?.get(organisation.id);
    return [
      organisation.id,
      organisation.name,
      organisation.type,
      STATUS_TEXT[response?.status ?? 'not_started'] ?? response?.status,
      // Text, not a boolean, which Swedish Excel would show as SANT/FALSKT; empty when not excused.
      response?.excused === true ? YES : null,
      response?.status === 'submitted' && response.submittedAt ? formatStockholm(new Date(response.submittedAt)) : null,
      ...questions.map((q) => (q.type === organisation.type ? answerCell(q.json, data[q.name]) : null)),
      ...sections.map((s) =>
        s.type === organisation.type
          ? (score?.sections.find((section) => section.name === s.name)?.total ?? null)
          : null,
      ),
      score?.total ?? null,
      score?.max ?? null,
      // In %, as the header says and as the Utfall changes are, not the stored fraction (0.42).
      score ? percent(score.share) : null,
      score ? (score.band ?? '') : null,
      score ? (score.gatePassed ? YES : NO) : null,
      outcome?.latestYear ?? null,
      outcome?.perInhabitant ?? null,
      percent(outcome?.changeSince1990),
      percent(outcome?.change5y),
      outcome?.points ?? null,
      outcome?.max ?? null,
      outcomeSource ? outcomeSourceCell(outcomeSource) : null,
    ];
  });
  return { header, rows };
}

/**
 * A stored fraction (−0.68, a share 0.42) as the percentage its "(%)" header promises (−68, 42), to
 * one decimal: every share and change in the CSV and both xlsx sheets is in %, none a fraction.
 */
function percent(fraction: number | null | undefined): number | null {
  return fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10;
}

/**
 * The Stockholm date of an instant, `YYYY-MM-DD`: how the "Svar" sheet's "Publicerat" cells and the
 * "Klimatläget" sheet's title (functions/features/klimatlaget/xlsx-export.ts) date a publication.
 */
export function stockholmIsoDate(iso: string): string {
  return formatStockholm(new Date(iso)).slice(0, 10);
}

/**
 * Where a row's Utfall comes from, so a reader can tell a published year's frozen outcome from one
 * computed from the emissions stored today (which a later import changes).
 */
export function outcomeSourceCell(source: EmissionOutcomeSource): string {
  if (source.source === 'published') {
    const date = source.publishedAt ? stockholmIsoDate(source.publishedAt) : null;
    return ['Publicerat', date, source.revision ? `(version ${source.revision})` : null].filter(Boolean).join(' ');
  }
  return 'Aktuella utsläppsdata';
}

/**
 * The aggregates as rows for a second sheet: key figures, bands, sections and questions per type.
 * Figures the report withholds (groups under `MIN_GROUP_SIZE`) are empty cells with a note.
 * `heading`: the rows above them (the title, and what the figures are).
 */
export function aggregateRows(
  report: KlimatlagetReport,
  heading: readonly Cell[][] = [[`Klimatläget ${report.year}`]],
): Cell[][] {
  const rows: Cell[][] = [
    ...heading,
    [],
    [
      'Grupp',
      'Svarande',
      'Organisationer',
      'Befriade',
      'Andel av max, medel (%)',
      'Andel av max, median (%)',
      'Baskrav uppfyllda',
      'Anmärkning',
    ],
  ];
  // The third: the group's type, null for the whole network.
  const groups = [
    ['Alla', report, null],
    ['Kommuner', report.byType.kommun, 'kommun'],
    ['Regioner', report.byType.region, 'region'],
  ] as const;
  for (const [label, group, type] of groups) {
    const none = group.respondents === 0;
    rows.push([
      label,
      group.respondents,
      group.organisations,
      group.excused,
      percent(group.total?.mean),
      percent(group.total?.median),
      // Nobody answered: none met the basic requirements, which gives no one away. The shares stay
      // empty (no mean of nothing), and the note says why, so the row does not look broken.
      none ? 0 : group.gatePassed,
      none ? noResponsesNoteSv(type) : withheldNoteSv(group, group.total !== null && group.total.median === null),
    ]);
  }
  rows.push([], ['Grupp', 'Betyg', 'Antal']);
  for (const [label, group, type] of groups) {
    if (group.respondents === 0) rows.push([label, noResponsesNoteSv(type)]);
    else if (group.bands === null) rows.push([label, WITHHELD_SV]);
    for (const band of group.bands ?? [])
      rows.push([label, band.band ?? 'Inget betyg (baskrav ej uppfyllda)', band.count]);
  }
  rows.push(
    [],
    [
      'Grupp',
      'Organisationer båda åren',
      'Förra året, medel (%)',
      'I år, medel (%)',
      'Förändring, medel (procentenheter)',
      'Förbättrade',
      'Oförändrade',
      'Försämrade',
      'Anmärkning',
    ],
  );
  for (const [label, group, type] of groups) {
    const y = group.yearOnYear;
    if (y) {
      const notes = [withheldNoteSv(y), maxChangedNoteSv(report, type)];
      rows.push([
        label,
        y.organisations,
        percent(y.previous?.mean),
        percent(y.current?.mean),
        // A difference of two shares: percentage points (0.05 → 5).
        percent(y.change?.mean),
        y.improved,
        y.unchanged,
        y.declined,
        notes.filter((note) => note !== null).join('. ') || null,
      ]);
    }
  }
  rows.push(
    [],
    ['Typ', 'Avsnitt', 'Rubrik', 'Max', 'n', 'Andel av max, medel (%)', 'Andel av max, median (%)', 'Anmärkning'],
  );
  for (const type of ['kommun', 'region'] as const) {
    const none = report.byType[type].respondents === 0 ? noResponsesNoteSv(type) : null;
    for (const s of report.byType[type].sections) {
      const note = s.mean === null ? (s.n > 0 ? WITHHELD_SV : none) : s.median === null ? MEDIAN_WITHHELD_SV : null;
      rows.push([type, s.name, s.title, s.max, s.n, percent(s.mean), percent(s.median), note]);
    }
  }
  rows.push([], ['Typ', 'Fråga', 'Rubrik', 'Avsnitt', 'n', 'Andel ja (%)', 'Fördelning']);
  for (const type of ['kommun', 'region'] as const) {
    for (const q of report.byType[type].questions) {
      rows.push([type, q.name, q.title, q.section, q.n, percent(q.yes?.share), distributionCell(q)]);
    }
  }
  rows.push(
    [],
    [
      'Grupp',
      'Organisationer med utsläppsdata',
      'År',
      't CO2e per invånare, medel',
      'median',
      'viktat',
      'Sverige',
      'Källa',
      'Förändring per invånare sedan 1990, medel (%)',
      'median (%)',
      'Organisationer med data för 1990',
      'Sverige sedan 1990 (%)',
      'Anmärkning',
    ],
  );
  for (const [label, group] of groups) {
    const e = group.emissions;
    if (e) {
      rows.push([
        label,
        e.organisations,
        e.latestYear,
        e.perInhabitant?.mean ?? null,
        e.perInhabitant?.median ?? null,
        e.weightedPerInhabitant,
        e.national.perInhabitant,
        e.national.source,
        // In %, as the headers and the "Svar" sheet's Utfall say (-53 = 53 % lower), not the stored
        // fractions (-0.53), which Excel would show as they are; empty where not computed.
        percent(e.changeSince1990?.mean),
        percent(e.changeSince1990?.median),
        e.changeSince1990?.organisations ?? null,
        percent(e.national.changeSince1990),
        withheldNoteSv(
          e,
          e.perInhabitant?.median === null || (e.changeSince1990?.mean != null && e.changeSince1990.median === null),
        ),
      ]);
    }
  }
  return rows;
}

/** What the sheet writes where a group's figures are empty because nobody in it has submitted. */
const NO_RESPONSES_SV = 'Inga svar att visa';

/**
 * The note on a group (`of`: its type, null for the whole network) without respondents, worded as
 * the withheld note ("För få svar för att visa (färre än 3)"), so a reader can tell "nobody
 * answered" from "withheld" and from a broken export.
 */
function noResponsesNoteSv(of: TypeKey | null): string {
  const who = of === null ? 'ingen organisation' : of === 'kommun' ? 'ingen kommun' : 'ingen region';
  return `${NO_RESPONSES_SV} (${who} har skickat in svar)`;
}

/**
 * The sheet's note on a change row whose types had another maximum last year (66 → 68): the public
 * page's sentence (`report.fig.maxChanged`, or `report.fig.maxChangedCounts` beside the counts alone
 * when the change is withheld), so what the kansli quotes from the sheet says what the page says.
 * `of`: the row's type, or null for the network's row, which names each type in its change.
 * Null when no maximum changed, last year's is not stored, or the row shows nothing compared.
 */
function maxChangedNoteSv(report: KlimatlagetReport, of: TypeKey | null): string | null {
  const yoy = of === null ? report.yearOnYear : report.byType[of].yearOnYear;
  if (!yoy || yoy.improved === null) return null;
  // The network's change leaves out a type too few to show on its own, as the page does.
  const types = (['kommun', 'region'] as const).filter((type) =>
    of === null ? report.byType[type].yearOnYear && !yoy.excludedTypes?.includes(type) : type === of,
  );
  const number = (value: number) => new Intl.NumberFormat('sv-SE').format(value);
  const changes = types.flatMap((type) => {
    const { max, yearOnYear } = report.byType[type];
    const from = yearOnYear?.previousMax;
    if (from === undefined || from === max) return [];
    const fromTo = `${number(from)} → ${number(max)}`;
    return [types.length > 1 ? `${type === 'kommun' ? 'kommunerna' : 'regionerna'} ${fromTo}` : fromTo];
  });
  if (changes.length === 0) return null;
  const compared = yoy.change ? 'förändringen' : 'förbättrade och försämrade';
  return `Enkäten ändrades: högsta möjliga poäng ${changes.join(', ')}; ${compared} jämför andelar av max`;
}

/**
 * A question's distribution as one cell: "Ja: 12, Nej: 3". Withheld counts say so; a question
 * nobody answered (a type without respondents) is an empty cell, not "Ja: null": nobody answered
 * is not a figure (docs/klimatlaget.md).
 */
function distributionCell(q: KlimatlagetReport['byType']['kommun']['questions'][number]): Cell {
  if (q.suppressed) return WITHHELD_SV;
  if (!q.distribution || q.n === 0 || q.distribution.some((d) => d.count === null)) return null;
  return q.distribution.map((d) => `${d.text}: ${d.count}`).join(', ');
}
