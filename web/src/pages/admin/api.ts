/**
 * The console's API calls. Types come from the shared zod schemas as `import type` only, so no zod
 * reaches the browser bundle.
 */

import type { ReminderLogRow, ReminderRunResult } from '../../../../shared/reminders/reminder-run.schema';
import type { AdminListEntry } from '../../../../shared/schemas/admin.schema';
import type { AuditEntry } from '../../../../shared/schemas/audit.schema';
import type { Campaign, CampaignStatus } from '../../../../shared/schemas/campaign.schema';
import type { Contact, ContactRole, ContactWarning, EmailState } from '../../../../shared/schemas/contact.schema';
import type { ContactImportCommitResult, ContactImportPreview } from '../../../../shared/schemas/contact-import.schema';
import type {
  CommitResponse,
  ImportPreviewResponse,
  ImportSummary,
  RollbackResponse,
} from '../../../../shared/schemas/emission-import.schema';
import type { OrganisationRow, OrganisationType } from '../../../../shared/schemas/organisation.schema';
import type { EmailProblem, ProgressRow, ProgressStatus } from '../../../../shared/schemas/progress.schema';
import type { ReviewedResponse, ReviewNote, SurveyResponse } from '../../../../shared/schemas/response.schema';
import type { ScoreResult } from '../../../../shared/scoring/score.schema';
import { ApiError, api } from '../../api/client';

export type {
  AdminListEntry,
  AuditEntry,
  Campaign,
  CampaignStatus,
  CommitResponse,
  Contact,
  ContactImportCommitResult,
  ContactImportPreview,
  ContactRole,
  ContactWarning,
  EmailProblem,
  EmailState,
  ImportPreviewResponse,
  ImportSummary,
  OrganisationRow,
  OrganisationType,
  ProgressRow,
  ProgressStatus,
  ReminderLogRow,
  ReminderRunResult,
  ReviewedResponse,
  ReviewNote,
  RollbackResponse,
  ScoreResult,
  SurveyResponse,
};

export type CampaignSummary = Omit<Campaign, 'surveys'>;
export type SurveyJson = Record<string, unknown> & { pages: Array<{ name: string } & Record<string, unknown>> };

export interface ReminderPolicy {
  invitationOnOpen: boolean;
  steps: number[];
  lastDay: boolean;
  minDaysBetween: number;
  maxReminders: number;
  sendWindow: { weekdays: string[]; start: string; end: string };
  sendRatePerSecond?: number;
  maxSendAttempts?: number;
}

export interface ResponseReview {
  organisation: { id: string; name: string; type: OrganisationType };
  response: ReviewedResponse | null;
  previous: ReviewedResponse | null;
}

export interface OrganisationInput {
  id?: string;
  type?: OrganisationType;
  name?: string;
  population?: number | null;
  memberSince?: string | null;
  memberUntil?: string | null;
}

const enc = encodeURIComponent;
const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

export const adminApi = {
  organisations: (q?: string) => api<OrganisationRow[]>(`/api/admin/organisations${q ? `?q=${enc(q)}` : ''}`),
  organisation: (code: string) => api<OrganisationRow>(`/api/admin/organisations/${enc(code)}`),
  createOrganisation: (input: OrganisationInput) => post<OrganisationRow>('/api/admin/organisations', input),
  updateOrganisation: (code: string, input: OrganisationInput) =>
    patch<OrganisationRow>(`/api/admin/organisations/${enc(code)}`, input),

  addContact: (code: string, input: { name: string; email: string; role: ContactRole }) =>
    post<{ contact: Contact; warnings: ContactWarning[] }>(`/api/admin/organisations/${enc(code)}/contacts`, input),
  updateContact: (id: string, input: Partial<Pick<Contact, 'name' | 'email' | 'role' | 'emailState'>>) =>
    patch<{ contact: Contact; warnings: ContactWarning[] }>(`/api/admin/contacts/${enc(id)}`, input),
  removeContact: (id: string) =>
    api<{ id: string; warnings: ContactWarning[] }>(`/api/admin/contacts/${enc(id)}`, { method: 'DELETE' }),
  previewContactImport: (csv: string) => post<ContactImportPreview>('/api/admin/contacts/import', { csv }),
  commitContactImport: (id: string) => post<ContactImportCommitResult>(`/api/admin/contacts/import/${enc(id)}/commit`),

  campaigns: () => api<CampaignSummary[]>('/api/admin/campaigns'),
  campaign: (year: number) => api<Campaign>(`/api/admin/campaigns/${year}`),
  createCampaign: (input: { year: number; title: string; opensAt: string; closesAt: string }) =>
    post<Campaign>('/api/admin/campaigns', input),
  updateCampaign: (
    year: number,
    input: Partial<Pick<Campaign, 'title' | 'opensAt' | 'closesAt' | 'surveys'>> & { reminderPolicy?: ReminderPolicy },
  ) => patch<Campaign>(`/api/admin/campaigns/${year}`, input),
  campaignAction: (year: number, action: 'open' | 'close' | 'publish' | 'rescore') =>
    post<unknown>(`/api/admin/campaigns/${year}/${action}`),
  scorePreview: (survey: unknown, data: Record<string, unknown>, signal?: AbortSignal) =>
    api<ScoreResult>('/api/admin/score-preview', { method: 'POST', body: { survey, data }, signal }),

  progress: (year: number) => api<ProgressRow[]>(`/api/admin/campaigns/${year}/progress`),
  review: (year: number, code: string) => api<ResponseReview>(`/api/admin/campaigns/${year}/responses/${enc(code)}`),
  reopen: (year: number, code: string, input: { closesAt?: string; reason: string }) =>
    post<SurveyResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/reopen`, input),
  excuse: (year: number, code: string, input: { excused: boolean; reason: string }) =>
    post<SurveyResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/excuse`, input),
  override: (year: number, code: string, input: { question: string; points: number; reason: string }) =>
    post<ReviewedResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/overrides`, input),
  note: (year: number, code: string, message: string) =>
    post<{ note: ReviewNote; response: ReviewedResponse }>(`/api/admin/campaigns/${year}/responses/${enc(code)}/note`, {
      message,
    }),

  runReminders: (year: number, input: { dryRun: boolean; at?: string }) =>
    post<ReminderRunResult>(`/api/admin/campaigns/${year}/reminders/run`, input),
  reminderLog: (year: number) =>
    api<{ year: number; entries: ReminderLogRow[] }>(`/api/admin/campaigns/${year}/reminders`),

  audit: (filter: { organisation?: string; campaign?: number }) => {
    const query = new URLSearchParams();
    if (filter.organisation) query.set('organisation', filter.organisation);
    if (filter.campaign) query.set('campaign', String(filter.campaign));
    const qs = query.toString();
    return api<AuditEntry[]>(`/api/admin/audit${qs ? `?${qs}` : ''}`);
  },

  admins: () => api<AdminListEntry[]>('/api/admin/admins'),
  addAdmin: (input: { email: string; name: string }) => post<AdminListEntry>('/api/admin/admins', input),
  removeAdmin: (email: string) => api<{ email: string }>(`/api/admin/admins/${enc(email)}`, { method: 'DELETE' }),

  imports: () => api<ImportSummary[]>('/api/admin/imports'),
  commitImport: (id: string) => post<CommitResponse>(`/api/admin/imports/${enc(id)}/commit`),
  rollbackImport: (id: string) => post<RollbackResponse>(`/api/admin/imports/${enc(id)}/rollback`),
  /** Multipart upload; the JSON helper cannot send a FormData body. */
  async previewImport(file: File, sheet?: string): Promise<ImportPreviewResponse> {
    const form = new FormData();
    form.set('file', file);
    if (sheet) form.set('sheet', sheet);
    let response: Response;
    try {
      response = await fetch('/api/admin/imports', {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw new ApiError(0, 'network', (error as Error).message || 'network error');
    }
    const body = (await response.json().catch(() => undefined)) as
      | (ImportPreviewResponse & { error?: { code: string; message: string; details?: unknown } })
      | undefined;
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body?.error?.code ?? `http_${response.status}`,
        body?.error?.message ?? response.statusText,
        body?.error?.details,
        body,
      );
    }
    return body as ImportPreviewResponse;
  },
};

export const exportUrls = (year: number) => ({
  xlsx: `/api/admin/campaigns/${year}/export.xlsx`,
  csv: `/api/admin/campaigns/${year}/export.csv`,
  json: `/api/admin/campaigns/${year}/responses`,
});

/** The campaign the console shows by default: the open one, else the latest that is not a draft, else the latest. */
export function defaultCampaign<T extends { year: number; status: CampaignStatus }>(
  campaigns: readonly T[],
): T | undefined {
  const sorted = [...campaigns].sort((a, b) => a.year - b.year);
  return sorted.find((c) => c.status === 'open') ?? sorted.filter((c) => c.status !== 'draft').at(-1) ?? sorted.at(-1);
}
