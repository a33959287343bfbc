import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import { responseProgress } from '../../../shared/scoring/answered-share';
import { score } from '../../../shared/scoring/score';
import type { Item } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/**
 * A stored response item with given answers, written directly (not through the members' API) by
 * the demo seed and the benchmarks' bulk seed: progress counted and, once submitted, the score.
 */
export function seededResponseItem(input: {
  campaign: Campaign;
  organisation: Organisation;
  data: Record<string, unknown>;
  status: 'draft' | 'submitted';
  editor: { name: string; email: string };
  at: string;
}): Item {
  const { campaign, organisation, data, status, editor, at } = input;
  const survey = campaign.surveys[organisation.type];
  // The same count autosave and submit store: the visible required questions.
  const progress = responseProgress(survey, data);
  return {
    ...keys.response(campaign.year, organisation.id),
    ...keys.responseListing(campaign.year, organisation.id),
    entity: 'Response',
    year: campaign.year,
    organisationId: organisation.id,
    organisationType: organisation.type,
    data,
    version: 3,
    status,
    updatedAt: at,
    updatedBy: editor,
    answered: progress.answered,
    totalQuestions: progress.total,
    excused: false,
    overrides: [],
    ...(status === 'submitted' ? { submittedAt: at, submittedBy: editor, score: score(survey, data) } : {}),
  };
}
