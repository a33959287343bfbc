/**
 * The draft save for a page that is being hidden or left (tab closed, reloaded, switched away on a
 * phone): `fetch` with `keepalive`, so the request outlives the page. Browsers allow keepalive
 * bodies of at most 64 KiB in flight; a larger draft goes out as an ordinary request, which
 * completes when the tab is only hidden, and the leave-page warning covers a real unload.
 */
import { ApiError, apiClient } from '../../api/client';
import type { Answers, SavedDraft } from '../../api/types';
import { getLang } from '../../i18n';

/** Below the browsers' 64 KiB keepalive quota, with room for other small requests. */
export const KEEPALIVE_MAX_BYTES = 60_000;

export async function saveDraftOnLeave(year: number, data: Answers, version: number): Promise<SavedDraft> {
  const body = JSON.stringify({ data, version });
  if (new TextEncoder().encode(body).length > KEEPALIVE_MAX_BYTES) return apiClient.saveDraft(year, data, version);
  let response: Response;
  try {
    response = await fetch(`/api/campaigns/${year}/response`, {
      method: 'PUT',
      keepalive: true,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': getLang(), 'content-type': 'application/json' },
      body,
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message || 'network error');
  }
  // Read only if the page is still there (hidden, or kept in the back/forward cache).
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
      parsed,
    );
  }
  return parsed as SavedDraft;
}
