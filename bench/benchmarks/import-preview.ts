import type { Benchmark } from '../lib/context';

type FixtureModule = typeof import('../../scripts/generate-emission-fixtures');

const NOT_BUILT = 'scripts/generate-emission-fixtures.ts or shared/emissions-import is missing';

/**
 * 6. Preview parse of a generated emissions export (311 organisations × 9 sectors × 1990–2023 in
 * the Swedish long layout), as CSV and XLSX; values per second. Generating the files is not timed.
 */
export const importPreview: Benchmark = {
  name: 'import',
  title: 'Emissions import preview',
  async run(ctx, rows) {
    let fixtures: FixtureModule;
    let parse: typeof import('../../shared/emissions-import')['parseEmissionsFile'];
    try {
      fixtures = await import('../../scripts/generate-emission-fixtures');
      ({ parseEmissionsFile: parse } = await import('../../shared/emissions-import'));
    } catch (error) {
      rows.notAvailable('preview CSV', `${NOT_BUILT} (${(error as Error).message.split('\n')[0]})`, '≤ 3 s');
      rows.notAvailable('preview XLSX', NOT_BUILT, '≤ 3 s');
      return;
    }
    const count = ctx.quick ? 10 : 311;
    const dataset = fixtures.generateEmissionDataset({
      organisations: fixtures.scaleOrganisations(fixtures.readDemoOrganisations(), count),
    });
    const table = fixtures.longTable(dataset, { language: 'sv', titleRows: true, population: true });
    const files = [
      { label: 'CSV', fileName: `skala-${count}.csv`, bytes: fixtures.toCsvBytes(table, fixtures.SWEDISH_CSV) },
      {
        label: 'XLSX',
        fileName: `skala-${count}.xlsx`,
        bytes: await fixtures.toXlsxBytes([{ name: 'Utsläpp', table }], { streaming: true }),
      },
    ];
    const register = fixtures.toRegister(dataset.organisations);
    const now = new Date('2026-03-10T09:00:00Z');
    for (const file of files) {
      const start = performance.now();
      const parsed = await parse({ bytes: file.bytes, fileName: file.fileName }, register, { now });
      const seconds = (performance.now() - start) / 1000;
      if (parsed.errors.length > 0 || parsed.values.length !== dataset.records.length) {
        rows.error(
          `preview ${file.label}`,
          `parsed ${parsed.values.length} of ${dataset.records.length} values; errors: ${JSON.stringify(parsed.errors.slice(0, 2))}`,
          '≤ 3 s',
        );
        continue;
      }
      rows.measured({
        metric: `preview ${file.label} (${count} orgs × 9 sectors × ${dataset.years.length} years)`,
        value: Math.round(seconds * 100) / 100,
        unit: 's',
        budget: { kind: 'max', max: 3 },
        note: `${parsed.values.length.toLocaleString('en-US')} values, ${Math.round(file.bytes.length / 1024)} KB file`,
      });
      rows.info(`preview ${file.label} throughput`, Math.round(parsed.values.length / seconds), 'values/s');
    }
  },
};
