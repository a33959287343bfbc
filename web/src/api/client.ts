import { getLang } from '../i18n';
import type {
  Answers,
  CarryOverResult,
  ConflictCurrent,
  CurrentCampaign,
  Me,
  MyOrganisation,
  PublishedReport,
  PublishedYear,
  QuestionError,
  SavedDraft,
  Scorecard,
  SurveyResponse,
} from './types';

/**
 * An API error as `{error: {code, message, details?}}`, plus the status and the whole body (a
 * version conflict carries `current` next to `error`). Network failures get status 0, code 'network'.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth retrying: the network, a timeout, or the server or store being briefly unavailable. */
  get transient(): boolean {
    return (
      this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
    );
  }

  /** `details` as per-question errors, when the API sent them (422 invalid_response). */
  get questionErrors(): QuestionError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is QuestionError =>
        typeof d === 'object' && d !== null && typeof (d as QuestionError).question === 'string',
    );
  }

  /** The stored response that a 409 version_conflict carries. */
  get conflictCurrent(): ConflictCurrent | undefined {
    const current = (this.body as { current?: ConflictCurrent } | undefined)?.current;
    return current && typeof current === 'object' ? current : undefined;
  }
}

/** The code of a 401 for a request without a live session (as opposed to a rejected sign-in link). */
export const NOT_AUTHENTICATED = 'not_authenticated';

/** Whether `error` says the caller has no live session (it never started, ended after 12 h, or was revoked). */
export function isNotAuthenticated(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && error.code === NOT_AUTHENTICATED;
}

type NotAuthenticatedListener = (error: ApiError, path: string) => void;
const notAuthenticatedListeners = new Set<NotAuthenticatedListener>();

/**
 * Calls `listener` whenever any API request answers 401 not_authenticated: the one place where the
 * web app learns that a session has ended during use (the session context listens). Returns the
 * unsubscribe function.
 */
export function onNotAuthenticated(listener: NotAuthenticatedListener): () => void {
  notAuthenticatedListeners.add(listener);
  return () => notAuthenticatedListeners.delete(listener);
}

/** Below the browsers' 64 KiB quota for keepalive bodies in flight, with room for other small requests. */
const KEEPALIVE_MAX_BYTES = 60_000;

export async function api<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    signal?: AbortSignal;
    /**
     * Let the request outlive the page (it is being hidden or left) when its body fits the
     * keepalive quota; a larger one goes out as an ordinary request.
     */
    keepalive?: boolean;
    /** The browser cache's part (`fetch`'s `cache`), e.g. 'no-cache' to revalidate a cacheable answer. */
    cache?: RequestCache;
  } = {},
): Promise<T> {
  const sent = init.body === undefined ? undefined : JSON.stringify(init.body);
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': getLang(),
        ...(sent === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: sent,
      signal: init.signal,
      ...(init.cache ? { cache: init.cache } : {}),
      ...(init.keepalive && new TextEncoder().encode(sent ?? '').length <= KEEPALIVE_MAX_BYTES
        ? { keepalive: true }
        : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message || 'network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const failure = new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
      body,
    );
    if (isNotAuthenticated(failure)) {
      for (const listener of [...notAuthenticatedListeners]) {
        try {
          listener(failure, path);
        } catch (listenerError) {
          console.warn('not-authenticated listener failed', listenerError);
        }
      }
    }
    throw failure;
  }
  return body as T;
}

export const apiClient = {
  me: () => api<Me>('/api/me'),
  requestLoginLink: (email: string, next?: string) =>
    api<{ ok: true }>('/api/auth/login-link', { method: 'POST', body: next ? { email, next } : { email } }),
  redeem: (token: string) => api<{ user: Me; next?: string }>('/api/auth/session', { method: 'POST', body: { token } }),
  logout: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
  myOrganisation: () => api<MyOrganisation>('/api/my/organisation'),
  currentCampaign: () => api<CurrentCampaign>('/api/campaigns/current'),
  response: (year: number) => api<SurveyResponse>(`/api/campaigns/${year}/response`),
  saveDraft: (year: number, data: Answers, version: number, signal?: AbortSignal) =>
    api<SavedDraft>(`/api/campaigns/${year}/response`, { method: 'PUT', body: { data, version }, signal }),
  /**
   * The draft save of a page being hidden or left (tab closed, reloaded, switched away on a phone):
   * with keepalive, so it outlives the page; a draft over the quota relies on the leave-page warning.
   */
  saveDraftOnLeave: (year: number, data: Answers, version: number) =>
    api<SavedDraft>(`/api/campaigns/${year}/response`, { method: 'PUT', body: { data, version }, keepalive: true }),
  /** Fills the draft's unanswered questions from the latest earlier submission, at `version`. */
  carryOver: (year: number, version: number) =>
    api<CarryOverResult>(`/api/campaigns/${year}/response/carry-over`, { method: 'POST', body: { version } }),
  submit: (year: number, version: number) =>
    api<{ status: 'submitted'; submittedAt: string }>(`/api/campaigns/${year}/response/submit`, {
      method: 'POST',
      body: { version },
    }),
  /**
   * Klimatläget's published years, newest first (public, cached by browsers for a minute). A member
   * page asks with `fresh`, revalidating, so a report published a moment ago shows at once.
   */
  publishedYears: (options: { fresh?: boolean } = {}) =>
    api<PublishedYear[]>('/api/klimatlaget', options.fresh ? { cache: 'no-cache' } : {}),
  /** A year's report (public): the latest published revision, or `revision`; 404 not_published. */
  report: (year: number, revision?: number) =>
    api<PublishedReport>(`/api/klimatlaget/${year}${revision === undefined ? '' : `?revision=${revision}`}`),
  /** The caller's organisation's scorecard; 404 not_published or no_submitted_response. */
  scorecard: (year: number) => api<Scorecard>(`/api/campaigns/${year}/scorecard`),
};
