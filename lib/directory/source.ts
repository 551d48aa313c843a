import type { z } from 'zod';

export type RequestPriority = 'interactive' | 'background';

export interface PageRequestOptions {
  searchParams?: Record<string, string | number>;
  priority?: RequestPriority;
  signal?: AbortSignal;
}

export interface OktaPage<T> {
  items: T[];
  /** The verbatim `Link: rel="next"` URL, or null on the last page. */
  next: string | null;
}

/** What the directory needs from the Okta client: one page of a list, validated item by item. */
export interface OktaPageSource {
  getPage<T>(pathOrUrl: string, schema: z.ZodType<T>, opts?: PageRequestOptions): Promise<OktaPage<T>>;
}

/** What is kept of a failure: the client's OktaError fields when present, the message otherwise. */
export interface RecordedError {
  at: string;
  message: string;
  status?: number;
  errorCode?: string;
  summary?: string;
  sentence?: string;
  requestId?: string;
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** Reads an OktaError duck-typed, so any client error (or a plain Error) can be recorded. */
export function recordError(error: unknown, at = new Date()): RecordedError {
  const recorded: RecordedError = { at: at.toISOString(), message: error instanceof Error ? error.message : String(error) };
  if (typeof error !== 'object' || error === null) return recorded;
  const status = (error as Record<string, unknown>).status;
  if (typeof status === 'number') recorded.status = status;
  const errorCode = stringField(error, 'errorCode');
  const summary = stringField(error, 'summary');
  const sentence = stringField(error, 'sentence');
  const requestId = stringField(error, 'requestId');
  if (errorCode) recorded.errorCode = errorCode;
  if (summary) recorded.summary = summary;
  if (sentence) recorded.sentence = sentence;
  if (requestId) recorded.requestId = requestId;
  return recorded;
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Okta answered 404: the user, group or app asked about no longer exists. */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}
