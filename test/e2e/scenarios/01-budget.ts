import { floorBundleGzip, pageWeights } from '../bundle-budget';
import type { Scenario } from '../harness';
import { assert } from '../harness';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const scenarios: Scenario[] = [
  {
    name: 'bundle budgets: survey-core only in the survey chunk; pages within budget',
    async run(e2e) {
      const { pages, entryHasSurveyCore } = pageWeights(e2e.root, e2e.build);
      assert(!entryHasSurveyCore, 'the entry chunk (or a chunk it imports) contains survey-core or survey-react-ui');
      const floor = await floorBundleGzip(e2e.root);
      for (const page of pages) e2e.log(`    ${page.page}: ${kb(page.gzipBytes)} gzip (${page.files.join(', ')})`);
      e2e.log(`    floor (react + survey-core + survey-react-ui + its CSS): ${kb(floor)} gzip`);
      const [small, survey, ...others] = pages;
      assert(small && small.gzipBytes <= 150 * 1024, `non-survey pages weigh ${kb(small?.gzipBytes ?? 0)} > 150 KB`);
      assert(
        survey && survey.gzipBytes <= floor * 1.15,
        `survey page ${kb(survey?.gzipBytes ?? 0)} > 1.15 × floor ${kb(floor)}`,
      );
      // Klimatläget with its charts (in Swedish and in English) and the receipt: 150 KB like every page.
      for (const page of others) {
        assert(page.gzipBytes <= 150 * 1024, `${page.page} weighs ${kb(page.gzipBytes)} > 150 KB`);
      }
    },
  },
];
