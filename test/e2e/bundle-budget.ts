import {
  pageWeights as allPageWeights,
  initialLoadsSurveyCore,
  type PageWeight,
  surveyFloorGzip,
} from '../../bench/lib/web-payload';
import type { WebBuildResult } from '../../web/build-web';

/** The pages this scenario checks, by the names bench/lib/web-payload.ts gives them. */
const PAGES: Array<[label: string, name: string]> = [
  ['login / home', 'initial (login, home, receipt)'],
  ['survey', 'SurveyPage'],
  // Klimatläget: its lazy page chunk, then the charts' lazy chunk (what ChartFigure imports).
  ['klimatlaget report (with its charts)', 'KlimatlagetPage › chart-setup'],
  // English visitors also load the English dictionary (Swedish ships with every page).
  ['klimatlaget report in English', 'KlimatlagetPage › chart-setup in English'],
  ['receipt', 'ReceiptPage'],
];

/**
 * Gzip weight of the JS and CSS of the pages a member and the public load, weighed by the one
 * `pageWeights` that `npm test` and `npm run bench` use too, for the build this run serves.
 */
export function pageWeights(
  root: string,
  result: WebBuildResult,
): { pages: PageWeight[]; entryHasSurveyCore: boolean } {
  const weighed = allPageWeights(root, result);
  const pages = PAGES.map(([label, name]) => {
    const weight = weighed.find((page) => page.page === name);
    if (!weight)
      throw new Error(`the web build has no page "${name}" (pages: ${weighed.map((p) => p.page).join(', ')})`);
    return { ...weight, page: label };
  });
  return { pages, entryHasSurveyCore: initialLoadsSurveyCore(result) };
}

/** The least a SurveyJS page can weigh: react, survey-core and survey-react-ui rendering <Survey>, plus its CSS. */
export async function floorBundleGzip(root: string): Promise<number> {
  return (await surveyFloorGzip(root)).gzipBytes;
}
