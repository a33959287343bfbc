/**
 * The API's response shapes as the web app uses them. Types only: importing the zod schemas from
 * shared/ would pull zod into every page's bundle.
 */
import type {
  PublishedReport,
  PublishedYear,
  QuestionAggregate,
  Scorecard,
  TypeAggregate,
} from '../../../shared/klimatlaget/report.schema';
import type { Me } from '../../../shared/schemas/auth.schema';
import type { CarryOverOffer, CarryOverResult, FromKansli, NotAMember } from '../../../shared/schemas/response.schema';

export type {
  CarryOverOffer,
  CarryOverResult,
  FromKansli,
  Me,
  PublishedReport,
  PublishedYear,
  QuestionAggregate,
  Scorecard,
  TypeAggregate,
};

export type OrganisationType = 'kommun' | 'region';
export type ContactRole = 'politician' | 'official';

export interface MyOrganisation {
  organisation: { id: string; name: string; type: OrganisationType; population?: number };
  contacts: Array<{ id: string; name: string; email: string; role: ContactRole }>;
  /** The years the organisation submitted answers, newest first: those with a scorecard once published. */
  submittedYears: number[];
}

export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';

/** SurveyJS JSON; kept opaque outside the survey chunk and the answer-summary walker. */
export type SurveyJson = Record<string, unknown>;

export interface CurrentCampaign {
  year: number;
  title: string;
  opensAt: string;
  closesAt: string;
  status: CampaignStatus;
  survey: SurveyJson;
  /** The effective deadline for the caller's organisation, an extension included. */
  closesAtForOrganisation?: string;
}

export type ResponseStatus = 'not_started' | 'draft' | 'submitted';
export type Answers = Record<string, unknown>;

export interface Editor {
  name: string;
  email: string;
}

export interface Prefill {
  values: Answers;
  /** Question name → readable source, e.g. "Från Sustainable Advantage, 2021". */
  sources: Record<string, string>;
}

export interface SurveyResponse {
  data: Answers;
  version: number;
  status: ResponseStatus;
  updatedAt?: string;
  updatedBy?: Editor;
  submittedAt?: string;
  submittedBy?: Editor;
  /** Visible required questions and how many are answered (absent in older test fixtures). */
  required?: { answered: number; total: number };
  prefill?: Prefill;
  /** The latest earlier submission's answers this draft could start from; null when none would be added. */
  carryOver?: CarryOverOffer | null;
  /** Why the organisation may not answer this campaign now; null when it may (absent in older test fixtures). */
  notAMember?: NotAMember | null;
  /** The kansli's reopens (the last 10) and notes on this year's answers (absent in older test fixtures). */
  fromKansli?: FromKansli;
}

export interface SavedDraft {
  version: number;
  updatedAt: string;
  updatedBy?: Editor;
}

export interface ConflictCurrent {
  data: Answers;
  version: number;
  updatedAt?: string;
  updatedBy?: Editor;
}

export interface QuestionError {
  question: string;
  message: string;
}
