/**
 * The console's API calls. Types come from the shared zod schemas as `import type` only, so no zod
 * reaches the browser bundle.
 */

import type {
  ContactImportCommitInput,
  ContactImportCommitOutcome,
  ContactImportPlannedPreview,
  ContactImportPlannedRow,
  ContactRoleHolder,
} from '../../../../shared/contacts-import/role-holders';
import type { PublishPreview } from '../../../../shared/klimatlaget/api.schema';
import type {
  ReminderLogRow,
  ReminderRunResult,
  RemindNowResult,
} from '../../../../shared/reminders/reminder-run.schema';
import type { AdminListEntry } from '../../../../shared/schemas/admin.schema';
import type { AuditEntry } from '../../../../shared/schemas/audit.schema';
// The console reads every campaign with its reminder plan (schedule and policy warnings) beside it.
import type { ConsoleCampaign as Campaign, CampaignStatus } from '../../../../shared/schemas/campaign.schema';
import type { Contact, ContactRole, ContactWarning, EmailState } from '../../../../shared/schemas/contact.schema';
import type { ContactImportCommitResult, ContactImportPreview } from '../../../../shared/schemas/contact-import.schema';
import type {
  CommitResponse,
  ImportPreviewResponse,
  ImportSummary,
  OrganisationEmission,
  RollbackPreview,
  RollbackResponse,
  UploadTicket,
} from '../../../../shared/schemas/emission-import.schema';
import type { OrganisationRow, OrganisationType } from '../../../../shared/schemas/organisation.schema';
import type {
  AddressErasureInput,
  AddressErasureResult,
  ContactExport,
  ErasureResult,
} from '../../../../shared/schemas/privacy.schema';
import type { EmailProblem, ProgressRow, ProgressStatus } from '../../../../shared/schemas/progress.schema';
import type { ReviewedResponse, ReviewNote, SurveyResponse } from '../../../../shared/schemas/response.schema';
import type { ScoreResult } from '../../../../shared/scoring/score.schema';
import { ApiError, api } from '../../api/client';
import { getLang } from '../../i18n';
import { storageRefusalOfDetail, storageRefusalOfXml } from './lib/imports';

export type {
  AdminListEntry,
  AuditEntry,
  Campaign,
  CampaignStatus,
  CommitResponse,
  Contact,
  ContactImportCommitInput,
  ContactImportCommitOutcome,
  ContactImportCommitResult,
  ContactImportPlannedPreview,
  ContactImportPlannedRow,
  ContactImportPreview,
  ContactRole,
  ContactRoleHolder,
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
  RemindNowResult,
  ReviewedResponse,
  ReviewNote,
  RollbackPreview,
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
  /** The most points the kansli may set per question (S6: its review point); only those above 0. */
  adjustableMax: Record<string, number>;
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

  /** `invited`: whether the open campaign's invitation went to the new contact (present when one was due). */
  addContact: (code: string, input: { name: string; email: string; role: ContactRole }) =>
    post<{ contact: Contact; warnings: ContactWarning[]; invited?: boolean }>(
      `/api/admin/organisations/${enc(code)}/contacts`,
      input,
    ),
  /**
   * `notified`: whether the old address was told its access ended (present when the address changed);
   * `invited`: whether the new address got the open campaign's invitation (present when one was due).
   */
  updateContact: (id: string, input: Partial<Pick<Contact, 'name' | 'email' | 'role' | 'emailState'>>) =>
    patch<{ contact: Contact; warnings: ContactWarning[]; notified?: boolean; invited?: boolean }>(
      `/api/admin/contacts/${enc(id)}`,
      input,
    ),
  /** Moves the contact to another organisation (its sessions end), with the role it has there; `invited` as above. */
  moveContact: (id: string, input: { organisationId: string; role?: ContactRole }) =>
    patch<{ contact: Contact; warnings: ContactWarning[]; invited?: boolean }>(`/api/admin/contacts/${enc(id)}`, input),
  removeContact: (id: string) =>
    api<{ id: string; warnings: ContactWarning[]; notified?: boolean }>(`/api/admin/contacts/${enc(id)}`, {
      method: 'DELETE',
    }),
  /** The preview names, on a new row, the contacts who hold its role now (`replaces`). */
  previewContactImport: (csv: string) => post<ContactImportPlannedPreview>('/api/admin/contacts/import', { csv }),
  /** `replace`: the rows whose current holders are removed; the console always sends it. */
  commitContactImport: (id: string, input: ContactImportCommitInput = {}) =>
    post<ContactImportCommitOutcome>(`/api/admin/contacts/import/${enc(id)}/commit`, input),

  campaigns: () => api<CampaignSummary[]>('/api/admin/campaigns'),
  campaign: (year: number) => api<Campaign>(`/api/admin/campaigns/${year}`),
  createCampaign: (input: { year: number; title: string; opensAt: string; closesAt: string }) =>
    post<Campaign>('/api/admin/campaigns', input),
  /**
   * Only the surveys sent are replaced. With `expectedUpdatedAt` (the campaign's `updatedAt` as
   * loaded), a campaign changed since is refused with 409 version_conflict carrying it in `current`.
   */
  updateCampaign: (
    year: number,
    input: Partial<Pick<Campaign, 'title' | 'opensAt' | 'closesAt'>> & {
      surveys?: Partial<Campaign['surveys']>;
      reminderPolicy?: ReminderPolicy;
      expectedUpdatedAt?: string;
      /** The questions a survey save may remove although members may have answered them (409 questions_removed). */
      confirmRemovedQuestions?: Partial<Record<keyof Campaign['surveys'], string[]>>;
    },
    // staleScores: after a survey change, the submitted responses whose stored score is now out of date.
  ) => patch<Campaign & { staleScores?: number }>(`/api/admin/campaigns/${year}`, input),
  campaignAction: (year: number, action: 'open' | 'close' | 'publish' | 'rescore') =>
    post<unknown>(`/api/admin/campaigns/${year}/${action}`),
  /** What a publish now would store, beside the latest published revision (kansli only; writes nothing). */
  publishPreview: (year: number) => api<PublishPreview>(`/api/admin/campaigns/${year}/publish-preview`),
  scorePreview: (survey: unknown, data: Record<string, unknown>, signal?: AbortSignal) =>
    api<ScoreResult>('/api/admin/score-preview', { method: 'POST', body: { survey, data }, signal }),

  progress: (year: number) => api<ProgressRow[]>(`/api/admin/campaigns/${year}/progress`),
  review: (year: number, code: string) => api<ResponseReview>(`/api/admin/campaigns/${year}/responses/${enc(code)}`),
  reopen: (year: number, code: string, input: { closesAt?: string; reason: string; intent?: 'reopen' | 'extend' }) =>
    post<SurveyResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/reopen`, input),
  excuse: (year: number, code: string, input: { excused: boolean; reason: string }) =>
    post<SurveyResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/excuse`, input),
  override: (year: number, code: string, input: { question: string; points: number; reason: string }) =>
    post<ReviewedResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/overrides`, input),
  /** Removes a question's override, so it counts its computed points again; the reason is audited. */
  removeOverride: (year: number, code: string, question: string, reason: string) =>
    api<ReviewedResponse>(`/api/admin/campaigns/${year}/responses/${enc(code)}/overrides/${enc(question)}`, {
      method: 'DELETE',
      body: { reason },
    }),
  /**
   * "Påminn nu": emails one organisation's reachable contacts now, the invitation to one who has not
   * had it and a reminder to the rest (409 already_reminded the same day).
   */
  remindNow: (year: number, code: string) =>
    post<RemindNowResult>(`/api/admin/campaigns/${year}/responses/${enc(code)}/remind`),
  /** What "Påminn nu" would do now (`due`: who gets the invitation, who a reminder); sends nothing. */
  remindNowPreview: (year: number, code: string) =>
    api<RemindNowResult>(`/api/admin/campaigns/${year}/responses/${enc(code)}/remind`),
  note: (year: number, code: string, message: string) =>
    post<{ note: ReviewNote; response: ReviewedResponse }>(`/api/admin/campaigns/${year}/responses/${enc(code)}/note`, {
      message,
    }),

  runReminders: (year: number, input: { dryRun: boolean; at?: string }) =>
    post<ReminderRunResult>(`/api/admin/campaigns/${year}/reminders/run`, input),
  reminderLog: (year: number) =>
    api<{ year: number; entries: ReminderLogRow[] }>(`/api/admin/campaigns/${year}/reminders`),

  /** One page of the audit log, newest first; pass `nextCursor` back as `cursor` for the next page. */
  audit: (filter: { organisation?: string; campaign?: number; limit?: number; cursor?: string }) => {
    const query = new URLSearchParams();
    if (filter.organisation) query.set('organisation', filter.organisation);
    if (filter.campaign) query.set('campaign', String(filter.campaign));
    if (filter.limit) query.set('limit', String(filter.limit));
    if (filter.cursor) query.set('cursor', filter.cursor);
    const qs = query.toString();
    return getWithNextCursor<AuditEntry[]>(`/api/admin/audit${qs ? `?${qs}` : ''}`).then(({ body, nextCursor }) => ({
      entries: body,
      nextCursor,
    }));
  },

  admins: () => api<AdminListEntry[]>('/api/admin/admins'),
  addAdmin: (input: { email: string; name: string }) =>
    post<AdminListEntry & { notified?: boolean }>('/api/admin/admins', input),
  removeAdmin: (email: string) => api<{ email: string }>(`/api/admin/admins/${enc(email)}`, { method: 'DELETE' }),

  imports: () => api<ImportSummary[]>('/api/admin/imports'),
  commitImport: (id: string) => post<CommitResponse>(`/api/admin/imports/${enc(id)}/commit`),
  /** What a rollback would do and warn about, read before the kansli confirms it; writes nothing. */
  rollbackPreview: (id: string) => api<RollbackPreview>(`/api/admin/imports/${enc(id)}/rollback-preview`),
  rollbackImport: (id: string) => post<RollbackResponse>(`/api/admin/imports/${enc(id)}/rollback`),
  /**
   * Step 1 of the two-step upload: where to POST the file (a presigned S3 form in AWS, the API's own
   * `POST /api/admin/imports/uploads/{id}` locally). 422 `uploads_unavailable` where not configured.
   */
  createImportUpload: () => post<UploadTicket>('/api/admin/imports/uploads'),
  /** Step 3: the preview of a file uploaded with a ticket (same answer as the multipart upload). */
  previewUploadedImport: (input: { uploadId: string; fileName: string; sheet?: string }, signal?: AbortSignal) =>
    api<ImportPreviewResponse>('/api/admin/imports', { method: 'POST', body: input, signal }),
  /**
   * Step 2: POSTs the ticket's form to where it says, reporting upload progress. A refusal by the
   * store, from S3 or locally, rejects with a StorageRefusal code (`entity_too_large`,
   * `upload_expired` …; see lib/imports.ts).
   */
  uploadImportFile: (ticket: UploadTicket, file: File, options: TransferOptions = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
    // Last: S3 ignores every field after the file, and the signed policy requires the ones above.
    form.append('file', file, file.name);
    return sendWithProgress(ticket.method, ticket.url, form, { ...options, headers: ticket.headers }).then(
      () => undefined,
      (error: unknown) => {
        throw storageRefusal(error);
      },
    );
  },
  /** The one-request upload (multipart), for where two-step uploads are not configured. */
  previewImport: (file: File, sheet?: string, options: TransferOptions = {}) => {
    const form = new FormData();
    form.set('file', file);
    if (sheet) form.set('sheet', sheet);
    return sendWithProgress('POST', '/api/admin/imports', form, options).then((body) => body as ImportPreviewResponse);
  },

  /** The organisation's imported emissions: one item per year and main sector, with the import that wrote it. */
  organisationEmissions: (code: string) =>
    api<OrganisationEmission[]>(`/api/admin/organisations/${enc(code)}/emissions`),
  /** Everything stored about one contact (GDPR access); the API audits the export. */
  exportContact: (id: string) => api<ContactExport>(`/api/admin/contacts/${enc(id)}/export`),
  /** Erases a contact and their personal data (GDPR erasure); answers counts only. */
  eraseContact: (id: string) => post<ErasureResult>(`/api/admin/contacts/${enc(id)}/erase`),
  /**
   * Erases what is stored under the address of a person no longer in the register. 409
   * `erasure_incomplete`: send it again to continue; 409 `address_in_register` (details.contacts):
   * erase that contact from its organisation's page instead. A repeat after success answers zeros.
   */
  eraseAddress: (input: AddressErasureInput) => post<AddressErasureResult>('/api/admin/contacts/erase', input),
};

export type { AddressErasureResult, ContactExport, ErasureResult, OrganisationEmission, UploadTicket };

/**
 * A refusal of the upload by the store, as one error whoever answered: S3 says it in XML
 * (sendWithProgress reads it), the local stand-in as a 400 `invalid_input` whose detail carries
 * the code. Either way the error's code becomes a StorageRefusal. Any other error is left as it is.
 */
function storageRefusal(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return error;
  const [detail] = Array.isArray(error.details) ? (error.details as Array<{ code?: unknown }>) : [];
  const code = storageRefusalOfDetail(detail?.code);
  return code ? new ApiError(error.status, code, error.message, error.details, error.body) : error;
}

/** The most an import file may weigh; the API answers 413 above it. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

export interface TransferOptions {
  /** Bytes sent so far and in all, as the browser reports them. */
  onUploadProgress?: (loaded: number, total: number) => void;
  /** Called when every byte is sent and the server is working on the answer. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/**
 * Sends a body with XMLHttpRequest, which (unlike fetch) reports upload progress. Answers the
 * parsed JSON body (undefined when empty). Errors are ApiError: the API's `{error}` when it sent
 * one; `upload_failed` with the status for anything else (S3 answers XML); status 0 `network`
 * when nothing came back. An aborted transfer rejects with a DOMException named AbortError.
 */
function sendWithProgress(
  method: string,
  url: string,
  body: Blob | FormData,
  options: TransferOptions & { headers?: Record<string, string> } = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    const sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
    // Only the API gets our own headers: a presigned S3 URL takes exactly the headers it was signed with.
    if (sameOrigin) {
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('accept-language', getLang());
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    const total = body instanceof Blob ? body.size : 0;
    xhr.upload.onprogress = (event) => {
      options.onUploadProgress?.(event.loaded, event.lengthComputable ? event.total : total);
    };
    xhr.upload.onload = () => {
      options.onUploadProgress?.(total || 1, total || 1);
      options.onUploaded?.();
    };
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.onabort = () => {
      done();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'network', 'network error'));
    };
    xhr.onload = () => {
      done();
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed);
        return;
      }
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      // S3 answers XML; only its code and message are read, never shown.
      const s3Refusal = parsed === undefined ? storageRefusalOfXml(xhr.responseText ?? '') : undefined;
      reject(
        error?.code
          ? new ApiError(xhr.status, error.code, error.message ?? '', error.details, parsed)
          : new ApiError(xhr.status, s3Refusal ?? (xhr.status === 413 ? 'payload_too_large' : 'upload_failed'), ''),
      );
    };
    xhr.send(body);
  });
}

export type ImportStep = 'uploading' | 'reading';

/**
 * Uploads a file in two steps (a ticket, a PUT with progress, then the preview from the upload),
 * so big files never pass through API Gateway. Falls back to the one-request multipart upload
 * only when the API answers `uploads_unavailable`. `onStep` says what is going on.
 */
export async function uploadAndPreviewImport(
  file: File,
  sheet: string | undefined,
  options: Omit<TransferOptions, 'onUploaded'> & { onStep?: (step: ImportStep) => void } = {},
): Promise<{ preview: ImportPreviewResponse; via: 'upload' | 'multipart' }> {
  const { onStep, ...transfer } = options;
  onStep?.('uploading');
  let ticket: UploadTicket;
  try {
    ticket = await adminApi.createImportUpload();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'uploads_unavailable')) throw error;
    const preview = await adminApi.previewImport(file, sheet, { ...transfer, onUploaded: () => onStep?.('reading') });
    return { preview, via: 'multipart' };
  }
  if (file.size > ticket.maxBytes) throw new ApiError(413, 'payload_too_large', '');
  await adminApi.uploadImportFile(ticket, file, transfer);
  onStep?.('reading');
  const preview = await adminApi.previewUploadedImport(
    { uploadId: ticket.uploadId, fileName: file.name.slice(0, 255) || 'fil', ...(sheet ? { sheet } : {}) },
    transfer.signal,
  );
  return { preview, via: 'upload' };
}

/**
 * A GET whose answer may carry the next page's cursor in the `X-Next-Cursor` header (the audit log
 * keeps its body a plain array). Errors as the JSON helper throws them.
 */
async function getWithNextCursor<T>(path: string): Promise<{ body: T; nextCursor?: string }> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': getLang() },
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message || 'network error');
  }
  const body = (await response.json().catch(() => undefined)) as
    | (T & { error?: { code?: string; message?: string; details?: unknown } })
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
  return { body: body as T, nextCursor: response.headers.get('x-next-cursor') ?? undefined };
}

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
