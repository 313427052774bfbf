/**
 * Sending one photo: a few automatic retries while the connection drops, then a failure the
 * villager can retry with one tap. A refusal (too large, not a photo) is not retried.
 */
import { ApiError, withRetry } from './api';
import type { UploadInfo } from './types';

export type UploadOutcome = { ok: true; upload: UploadInfo } | { ok: false; error: ApiError };

export async function sendPhoto(
  upload: (filePath: string, onProgress: (p: number) => void) => Promise<UploadInfo>,
  filePath: string,
  onProgress: (percent: number) => void,
  sleep: (ms: number) => Promise<void>,
  delaysMs: number[] = [1000, 3000],
): Promise<UploadOutcome> {
  try {
    const info = await withRetry(
      () => upload(filePath, onProgress),
      { attempts: delaysMs.length + 1, delaysMs, sleep, onRetry: () => onProgress(0) },
    );
    return { ok: true, upload: info };
  } catch (e) {
    return { ok: false, error: e instanceof ApiError ? e : new ApiError(0, 'network', '') };
  }
}

/** What to tell the villager about a failed request: the server's words, or ours for a lost connection. */
export function errorText(err: ApiError, t: (key: string) => string): string {
  if (err.status === 0) return t('app.common.offline');
  return err.message || t('app.common.error');
}
