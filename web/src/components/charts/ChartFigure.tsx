import { Fragment, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { type ChartSpec, type ChartText, LEGEND_CLASS, labelFont, type SeriesStyle } from './chart-spec';

type ChartModule = typeof import('./chart-setup');
let chartModule: Promise<ChartModule> | undefined;
/** The chart drawing code arrives in its own chunk, once, after the page's text and tables are on screen. */
function loadCharts(): Promise<ChartModule> {
  chartModule ??= import('./chart-setup');
  return chartModule;
}

/** A chart text with its parts in another language (Swedish survey texts on an English page) tagged with `lang`. */
export function LangText({ text }: { text: ChartText }): ReactNode {
  if (typeof text === 'string') return text;
  return text.map((part, i) =>
    typeof part === 'string' || !part.lang ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
      <Fragment key={i}>{typeof part === 'string' ? part : part.text}</Fragment>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <span key={i} lang={part.lang}>
        {part.text}
      </span>
    ),
  );
}

export interface ChartFigureProps {
  /** The figure's title: its accessible name and the data table's caption. */
  title: ChartText;
  /** A shorter visible title where a heading right above already gives the context. */
  shortTitle?: string;
  /** What the chart shows in one or two sentences: the drawing's accessible name. */
  summary: ChartText;
  spec: ChartSpec;
  /** Height of the drawing area in CSS pixels. */
  height: number;
  /** Header and body rows of the data table with the same numbers as the chart. */
  table: ReactNode;
  /** Shown under the title, for everyone. */
  note?: ReactNode;
  /** Series shown in the legend; omitted for one-series charts whose axis says it all. */
  legend?: Array<{ label: string; style: SeriesStyle | 'reference' }>;
}

/**
 * A chart with its data table. The table is always in the document, so screen readers reach it;
 * sighted visitors can switch to it with "Visa som tabell" (and back with "Visa som diagram"), and
 * paper shows both.
 */
export function ChartFigure({ title, shortTitle, summary, spec, height, table, note, legend }: ChartFigureProps) {
  const t = useT();
  const id = useId();
  const drawing = useRef<HTMLDivElement>(null);
  const chart = useRef<{ update(): void; destroy(): void }>(undefined);
  const [asTable, setAsTable] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadCharts().then(
      (mod) => {
        if (!live || !drawing.current) return;
        // chart-setup marks the drawing data-drawn once Chartist has drawn it.
        chart.current = mod.createChart(drawing.current, spec, labelFont(spec.compact));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      chart.current?.destroy();
      chart.current = undefined;
    };
  }, [spec]);
  // Hidden behind its table, the chart missed any resize: drawn again when it shows.
  useEffect(() => {
    if (!asTable) chart.current?.update();
  }, [asTable]);

  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const captionId = `${id}-caption`;
  const summaryId = `${id}-summary`;
  const toggleId = `${id}-toggle`;
  const label = asTable ? t('chart.showChart') : t('chart.showTable');
  // Every name comes from an element (aria-labelledby), not an aria-label string: an element can tag
  // a Swedish survey text inside an English title or summary with lang, an attribute cannot.
  return (
    <figure className="kl-figure" aria-labelledby={shortTitle ? captionId : titleId}>
      <figcaption className="kl-figure-head">
        <span className="kl-figure-title" id={titleId}>
          {shortTitle ?? <LangText text={title} />}
        </span>
        {/* The label says what a press does ("Visa som diagram" while the table shows), so no
            aria-pressed: a toggle's name must not change with its state. Without a chart (chart-setup
            did not load) only the table is there, and nothing to switch. Its name is the label and
            then the chart's full title, so a page of toggles is not one name over and over, and speech
            input that says the visible label still finds it (WCAG 2.5.3). The name comes from a hidden
            element, as the image's: text hidden inside the button would be set apart with spaces
            ("tabell : Antal …"), and an element can tag a Swedish survey text in the title. */}
        {!failed && (
          <>
            <button
              type="button"
              className="kl-toggle no-print"
              aria-controls={tableId}
              aria-labelledby={toggleId}
              onClick={() => setAsTable((v) => !v)}
            >
              {label}
            </button>
            <span id={toggleId} hidden>
              {label}: <LangText text={title} />
            </span>
          </>
        )}
      </figcaption>
      {note && <div className="kl-figure-note">{note}</div>}
      {!asTable && legend && legend.length > 0 && (
        // The table names the series too; the legend is for the eye.
        <ul className="kl-legend" aria-hidden="true">
          {legend.map((item) => (
            <li key={item.label}>
              <span className={LEGEND_CLASS[item.style]} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <div className="kl-chart-box" hidden={asTable || failed} style={{ height }}>
        {/* The image is this box, named by the summary; the SVG inside is hidden from screen readers.
            The summary is a hidden element of its own, outside the box Chartist draws into. */}
        <div ref={drawing} className="kl-chart" role="img" aria-labelledby={summaryId} />
        <span id={summaryId} hidden>
          <LangText text={summary} />
        </span>
      </div>
      {/* Shown, the table may scroll sideways on a phone: focusable, so keyboards can scroll it. */}
      <div
        id={tableId}
        className={asTable || failed ? 'kl-table-wrap' : 'kl-table-wrap kl-table-hidden'}
        {...(asTable || failed ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}
      >
        <table className="kl-table">
          <caption id={captionId}>
            <LangText text={title} />
          </caption>
          {table}
        </table>
      </div>
    </figure>
  );
}
