import path from 'node:path';
import { assert, assertEqual, type E2E, type Scenario, watchPage } from '../harness';

/** What the page reports of one drawn chart (positions in the SVG's pixels). */
interface Drawn {
  hidden: string | null;
  bars: Array<{ x: number; y: number; width: number; height: number; fill: string; stroke: string | null }>;
  patterns: string[];
  ticks: string[];
  categories: string[];
  grid: number[];
  values: Array<{ text: string; x: number; y: number; anchor: string | null }>;
  reference: { x1: number; y1: number; x2: number; y2: number; dash: string } | null;
  referenceLabel: string | null;
  title: string | null;
  labelFontSize: string;
}

/** A page of the app with the chart chunk's URL, to import it and draw specs in the app's stylesheet. */
async function chartChunkPage(e2e: E2E) {
  const chunk = Object.entries(e2e.build.metafile.outputs).find(
    ([, o]) => o.entryPoint === 'web/src/components/charts/chart-setup.ts',
  )?.[0];
  assert(chunk, 'the chart chunk is in the build');
  const url = `/${path.relative(e2e.build.outdir, path.join(e2e.root, chunk)).split(path.sep).join('/')}`;
  const context = await e2e.newContext();
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${e2e.baseUrl}/login`);
  await page.locator('h1').first().waitFor();
  // tsx names the functions evaluated in the page with a helper (__name) the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return { url, page, watch };
}

/**
 * The chart chunk itself (chart-setup.ts with Chartist), on the app's stylesheet: charts drawn from
 * specs that use every feature of ChartSpec, and their SVG measured. The report pages draw only what
 * their data holds; these specs hold a null, a hatched bar, a muted bar, a wrapped label and a
 * reference line on purpose.
 */
export const scenarios: Scenario[] = [
  {
    name: 'charts: Chartist draws every ChartSpec feature (order, hatching, values, reference, ticks, null)',
    async run(e2e) {
      const { url, page, watch } = await chartChunkPage(e2e);

      const drawn = (await page.evaluate(async (src) => {
        const mod = (await import(src)) as typeof import('../../../web/src/components/charts/chart-setup');
        type Spec = Parameters<typeof mod.createChart>[1];
        const percent = (v: number) => `${Math.round(v * 100)} %`;
        const specs: Array<[Spec, number]> = [
          // Upright, counts: integer ticks, a null (no bar), a muted bar among solid ones, an axis title.
          [
            {
              labels: ['A', 'B', 'C', 'Inget'],
              series: [
                {
                  label: 'Antal',
                  values: [2, 7, null, 4],
                  style: 'primary',
                  barStyles: ['primary', 'primary', 'primary', 'muted'],
                  valueLabels: ['2', '7', null, '4'],
                },
              ],
              axis: { integer: true, title: 'Antal organisationer' },
            },
            280,
          ],
          // Across, two series, shares with a formatter, a wrapped label and a reference line.
          [
            {
              horizontal: true,
              labels: ['Första', ['Andra raden', 'fortsätter'], 'Tredje'],
              series: [
                { label: 'Medel', values: [0.5, 0.8, 0.2], style: 'primary', valueLabels: ['50 %', '80 %', '20 %'] },
                { label: 'Median', values: [0.6, null, 0.3], style: 'hatched', valueLabels: ['60 %', null, '30 %'] },
              ],
              reference: { value: 0.7, label: 'Riket' },
              axis: { min: 0, max: 1, format: percent, title: 'Andel' },
            },
            220,
          ],
          // Compact: smaller type.
          [
            {
              horizontal: true,
              compact: true,
              labels: ['x', 'y'],
              series: [{ label: 's', values: [1, 3], style: 'secondary' }],
              axis: { integer: true },
            },
            120,
          ],
        ];
        const charts = specs.map(([spec, height]) => {
          const box = document.createElement('div');
          box.className = 'kl-chart-box';
          box.style.height = `${height}px`;
          box.style.width = '560px';
          const element = document.createElement('div');
          element.className = 'kl-chart';
          box.append(element);
          document.body.prepend(box);
          mod.createChart(element, spec, { size: spec.compact ? 11 : 13, lineHeight: 1.25 });
          return element;
        });
        for (let i = 0; i < 100 && charts.some((c) => c.dataset.drawn === undefined); i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
        const num = (el: Element, name: string) => Number(el.getAttribute(name));
        return charts.map((chart): Drawn => {
          const svg = chart.querySelector('svg');
          if (!svg) throw new Error('no svg drawn');
          const reference = svg.querySelector('line.kl-reference');
          const across = svg.classList.contains('ct-horizontal-bars');
          return {
            hidden: svg.getAttribute('aria-hidden'),
            bars: [...svg.querySelectorAll('.ct-series rect')].map((r) => ({
              x: num(r, 'x'),
              y: num(r, 'y'),
              width: num(r, 'width'),
              height: num(r, 'height'),
              fill: r.getAttribute('fill') ?? '',
              stroke: r.getAttribute('stroke'),
            })),
            patterns: [...svg.querySelectorAll('defs pattern')].map((p) => p.id),
            ticks: [...svg.querySelectorAll('.ct-label')]
              .filter((l) => !l.matches(across ? '.ct-vertical' : '.ct-horizontal'))
              .map((l) => l.textContent ?? ''),
            // In reading order: top to bottom across, left to right upright.
            categories: [...svg.querySelectorAll('.ct-label')]
              .filter((l) => l.matches(across ? '.ct-vertical' : '.ct-horizontal'))
              .map((l) => ({ text: l.textContent ?? '', at: num(l.parentElement as Element, across ? 'y' : 'x') }))
              .sort((p, q) => p.at - q.at)
              .map((l) => l.text),
            grid: [...svg.querySelectorAll('line.ct-grid')].map((g) => (across ? num(g, 'x1') : num(g, 'y1'))),
            values: [...svg.querySelectorAll('text.kl-value')].map((t) => ({
              text: t.textContent ?? '',
              x: num(t, 'x'),
              y: num(t, 'y'),
              anchor: t.getAttribute('text-anchor'),
            })),
            reference: reference && {
              x1: num(reference, 'x1'),
              y1: num(reference, 'y1'),
              x2: num(reference, 'x2'),
              y2: num(reference, 'y2'),
              dash: getComputedStyle(reference).strokeDasharray,
            },
            referenceLabel: svg.querySelector('text.kl-reference-label')?.textContent ?? null,
            title: svg.querySelector('text.kl-axis-title')?.textContent ?? null,
            labelFontSize: getComputedStyle(svg.querySelector('.ct-label') as Element).fontSize,
          };
        });
      }, url)) as Drawn[];
      const [upright, across, compact] = drawn as [Drawn, Drawn, Drawn];

      for (const chart of drawn) assertEqual(chart.hidden, 'true', 'the SVG is hidden from screen readers');

      // Upright counts: a bar per number (none for null), in label order, each value centred above its bar.
      assertEqual(upright.categories.join('|'), 'A|B|C|Inget', 'category labels in order');
      assertEqual(upright.bars.length, 3, 'bars (the null has none)');
      const [a, b, none] = upright.bars as [Drawn['bars'][0], Drawn['bars'][0], Drawn['bars'][0]];
      assert(a.x < b.x && b.x < none.x, 'bars left to right in label order');
      assert(b.height > a.height * 3, `7 is drawn 3.5 × as tall as 2 (${b.height} vs ${a.height})`);
      assertEqual(a.stroke, 'none', 'a primary bar has no outline');
      const muted = /^url\(#(.+)\)$/.exec(none.fill)?.[1];
      assert(muted && upright.patterns.includes(muted), `the muted bar's fill is a pattern in the SVG (${none.fill})`);
      assertEqual(none.stroke, '#5f6b77', "the muted bar's outline (≥ 3:1 on white)");
      assert(
        upright.ticks.every((t) => /^\d+$/.test(t)) && upright.ticks.includes('0') && upright.ticks.includes('8'),
        `integer ticks from 0 to 8: ${upright.ticks.join(', ')}`,
      );
      assertEqual(upright.values.map((v) => v.text).join('|'), '2|7|4', 'value labels (none for null)');
      upright.values.forEach((value, i) => {
        const bar = upright.bars[i]!;
        assert(Math.abs(value.x - (bar.x + bar.width / 2)) < 1, `value ${value.text} centred on its bar`);
        assert(value.y < bar.y, `value ${value.text} above its bar`);
      });
      assertEqual(upright.title, 'Antal organisationer', 'axis title');

      // Across: the first category on top, series side by side in order, never overlapping.
      assertEqual(
        across.categories.join('|'),
        'Första|Andra raden\nfortsätter|Tredje',
        'categories top to bottom in label order, the wrapped one in its lines',
      );
      assertEqual(across.bars.length, 5, 'bars (the null has none)');
      const byFill = (hatched: boolean) => across.bars.filter((bar) => bar.fill.startsWith('url(') === hatched);
      const means = byFill(false).sort((p, q) => p.y - q.y);
      const medians = byFill(true).sort((p, q) => p.y - q.y);
      assertEqual(`${means.length}/${medians.length}`, '3/2', 'solid and hatched bars');
      // 50 %, 80 %, 20 % from the top down.
      const [w0, w1, w2] = means.map((bar) => bar.width) as [number, number, number];
      assert(
        Math.abs(w0 / w1 - 0.5 / 0.8) < 0.02 && Math.abs(w2 / w1 - 0.2 / 0.8) < 0.02,
        `the bars in label order from the top: ${w0}, ${w1}, ${w2}`,
      );
      const [firstMean, firstMedian] = [means[0]!, medians[0]!];
      assert(firstMean.y + firstMean.height <= firstMedian.y, 'the first series above the second, apart');
      const hatch = /^url\(#(.+)\)$/.exec(firstMedian.fill)?.[1];
      assert(hatch && across.patterns.includes(hatch), 'the hatched fill is a pattern in the SVG');
      assertEqual(firstMedian.stroke, '#44566a', "the hatched bar's outline");
      assertEqual(across.ticks.join('|'), '0 %|20 %|40 %|60 %|80 %|100 %', 'ticks through the formatter');
      for (const value of across.values) {
        const bar = across.bars.find((b) => Math.abs(b.y + b.height / 2 - value.y) < 1);
        assert(bar, `value ${value.text} level with a bar`);
        assert(value.x >= bar.x + bar.width, `value ${value.text} beside its bar's end`);
      }
      // The reference line at 70 % of the way from the 0 % to the 100 % grid line, dashed, labelled.
      assert(across.reference, 'a reference line');
      const [zero, full] = [Math.min(...across.grid), Math.max(...across.grid)];
      const expected = zero + 0.7 * (full - zero);
      assert(
        Math.abs(across.reference.x1 - expected) < 1 && across.reference.x1 === across.reference.x2,
        `the reference line at 0.7 (${across.reference.x1}, expected ${expected})`,
      );
      assert(across.reference.dash !== 'none', 'the reference line is dashed');
      assertEqual(across.referenceLabel, 'Riket', 'the reference line is labelled');
      assertEqual(across.title, 'Andel', 'axis title');

      assertEqual(compact.labelFontSize, '11px', 'compact labels');
      assertEqual(upright.labelFontSize, '13px', 'labels');
      assertEqual(compact.patterns.length, 2, 'patterns in every chart (ids of its own)');
      assertEqual(watch.errors.join('; '), '', 'browser errors (CSP included)');
    },
  },
  {
    name: 'charts: an upright chart’s last category label stays inside the drawing on a phone, centred on a desktop',
    async run(e2e) {
      const { url, page } = await chartChunkPage(e2e);
      // Klimatläget's chart of organisations per grade, at the width it has on a 390 px phone and on a desktop.
      const labels = (await page.evaluate(async (src) => {
        const mod = (await import(src)) as typeof import('../../../web/src/components/charts/chart-setup');
        const measured = [];
        for (const width of [348, 774]) {
          const box = document.createElement('div');
          box.className = 'kl-chart-box';
          box.style.height = '280px';
          box.style.width = `${width}px`;
          const element = document.createElement('div');
          element.className = 'kl-chart';
          box.append(element);
          document.body.prepend(box);
          mod.createChart(
            element,
            {
              labels: ['A', 'B', 'C', 'D', 'Inget betyg'],
              series: [
                {
                  label: 'Antal',
                  values: [12, 30, 25, 9, 3],
                  style: 'primary',
                  barStyles: ['primary', 'primary', 'primary', 'primary', 'muted'],
                  valueLabels: ['12', '30', '25', '9', '3'],
                },
              ],
              axis: { integer: true, title: 'Antal organisationer' },
            },
            { size: 13, lineHeight: 1.25 },
          );
          for (let i = 0; i < 100 && element.dataset.drawn === undefined; i++) {
            await new Promise((r) => setTimeout(r, 50));
          }
          const svg = element.querySelector('svg') as SVGSVGElement;
          const edge = svg.getBoundingClientRect();
          const bars = [...svg.querySelectorAll('.ct-series rect')].map((bar) => {
            const r = bar.getBoundingClientRect();
            return r.left + r.width / 2 - edge.left;
          });
          for (const [i, label] of [...svg.querySelectorAll('.ct-label.ct-horizontal')].entries()) {
            const range = document.createRange();
            range.selectNodeContents(label);
            const text = range.getBoundingClientRect();
            measured.push({
              width,
              text: label.textContent ?? '',
              left: text.left - edge.left,
              right: text.right - edge.left,
              svg: edge.width,
              offCentre: Math.abs(text.left + text.width / 2 - edge.left - (bars[i] ?? 0)),
            });
          }
          box.remove();
        }
        return measured;
      }, url)) as Array<{ width: number; text: string; left: number; right: number; svg: number; offCentre: number }>;
      assertEqual(labels.length, 10, 'five category labels in each chart');
      for (const label of labels) {
        assert(
          label.left >= 0 && label.right <= label.svg,
          `"${label.text}" at ${label.width} px lies inside the drawing: ${label.left.toFixed(1)}–${label.right.toFixed(1)} of ${label.svg}`,
        );
      }
      // Where there is room, every label stays centred under its bar.
      for (const label of labels.filter((l) => l.width === 774)) {
        assert(
          label.offCentre < 1,
          `"${label.text}" centred under its bar on a desktop (${label.offCentre.toFixed(1)} px off)`,
        );
      }
    },
  },
];
