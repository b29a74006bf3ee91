import type {
  AwardDetail,
  BenchmarkDetail,
  BenchmarkSummary,
  CheckReportResponse,
  CountryList,
  ErrorResponse,
  ImportRunPage,
  IndicatorList,
  IndicatorResult,
  Leaderboard,
  ModelDetailWithProfile,
  ModelPage,
  OrganizationDetail,
  OrganizationPage,
  ProgramDetail,
  ProgramList,
  ProgramPortfolio,
  TeamHistory,
} from '../../src/spec/api/index.ts';

/** How long a request may take before the dashboard gives up and says so. */
const TIMEOUT_MS = 20_000;

/** A failed API call, with the server's error code when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Query parameters; empty values are left out. */
export type Query = Record<string, string | number | undefined | null>;

/** `path?query` with empty values dropped, e.g. `apiUrl('/api/models', { q: 'llama' })`. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorResponse).error?.message === 'string'
  );
}

/** Fetches JSON from the API; throws ApiError with a readable message on any failure. */
export async function fetchJson<T>(
  url: string,
  init: RequestInit & { signal?: AbortSignal } = {},
): Promise<T> {
  const { text, status } = await fetchText(url, init, 'application/json');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body === null) throw new ApiError('The server sent an empty or unreadable answer.', status, 'BODY');
  return body as T;
}

/** Fetches a text body (JSON Lines, CSV); failures as in fetchJson. */
export async function fetchText(
  url: string,
  init: RequestInit & { signal?: AbortSignal } = {},
  accept = 'text/plain',
): Promise<{ text: string; status: number }> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal,
      headers: { accept, ...init.headers },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    if (timeout.aborted) {
      throw new ApiError('The server took too long to answer. Try again in a moment.', 0, 'TIMEOUT');
    }
    throw new ApiError('The server could not be reached. Check your connection and try again.', 0, 'NETWORK');
  }
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (isErrorBody(body)) {
      throw new ApiError(body.error.message, response.status, body.error.code, body.error.field);
    }
    throw new ApiError(
      `The server answered ${response.status} ${response.statusText}.`,
      response.status,
      'HTTP',
    );
  }
  return { text, status: response.status };
}

/** The head of the arena's transparency log, read from its JSON Lines export. */
export interface LogHead {
  count: number;
  /** Hash of the last entry; null when the log is empty. */
  head: string | null;
  lastTime: string | null;
}

/** Count, last hash and last time of a transparency log given as JSON Lines. */
export function logHead(jsonLines: string): LogHead {
  const lines = jsonLines.split('\n').filter((line) => line.trim() !== '');
  const last = lines.at(-1);
  if (last === undefined) return { count: 0, head: null, lastTime: null };
  const entry = JSON.parse(last) as { hash?: unknown; time?: unknown };
  return {
    count: lines.length,
    head: typeof entry.hash === 'string' ? entry.hash : null,
    lastTime: typeof entry.time === 'string' ? entry.time : null,
  };
}

/** The typed calls the dashboard makes. */
export const api = {
  models: (query: Query, signal?: AbortSignal) =>
    fetchJson<ModelPage>(apiUrl('/api/models', query), { signal }),
  model: (id: string, signal?: AbortSignal) =>
    fetchJson<ModelDetailWithProfile>(`/api/models/${encodeURIComponent(id)}`, { signal }),
  organizations: (query: Query, signal?: AbortSignal) =>
    fetchJson<OrganizationPage>(apiUrl('/api/organizations', query), { signal }),
  organization: (id: string, signal?: AbortSignal) =>
    fetchJson<OrganizationDetail>(`/api/organizations/${encodeURIComponent(id)}`, { signal }),
  countries: (signal?: AbortSignal) => fetchJson<CountryList>('/api/countries', { signal }),
  indicators: (signal?: AbortSignal) => fetchJson<IndicatorList>('/api/indicators', { signal }),
  indicator: (name: string, query: Query = {}, signal?: AbortSignal) =>
    fetchJson<IndicatorResult>(apiUrl(`/api/indicators/${encodeURIComponent(name)}`, query), { signal }),
  importRuns: (query: Query, signal?: AbortSignal) =>
    fetchJson<ImportRunPage>(apiUrl('/api/import-runs', query), { signal }),
  check: (source: string, signal?: AbortSignal) =>
    fetchJson<CheckReportResponse>('/api/check', {
      method: 'POST',
      body: JSON.stringify({ source }),
      headers: { 'content-type': 'application/json' },
      signal,
    }),
  programs: (signal?: AbortSignal) => fetchJson<ProgramList>('/api/programs', { signal }),
  program: (id: string, signal?: AbortSignal) =>
    fetchJson<ProgramDetail>(`/api/programs/${encodeURIComponent(id)}`, { signal }),
  portfolio: (id: string, signal?: AbortSignal) =>
    fetchJson<ProgramPortfolio>(`/api/programs/${encodeURIComponent(id)}/portfolio`, { signal }),
  award: (id: string, signal?: AbortSignal) =>
    fetchJson<AwardDetail>(`/api/awards/${encodeURIComponent(id)}`, { signal }),
  benchmarks: (signal?: AbortSignal) =>
    fetchJson<{ items: BenchmarkSummary[] }>('/api/arena/benchmarks', { signal }),
  benchmark: (slug: string, signal?: AbortSignal) =>
    fetchJson<BenchmarkDetail>(`/api/arena/benchmarks/${encodeURIComponent(slug)}`, { signal }),
  leaderboard: (slug: string, query: LeaderboardQuery, signal?: AbortSignal) =>
    fetchJson<Leaderboard>(leaderboardUrl(slug, query), { signal }),
  teamHistory: (slug: string, team: string, signal?: AbortSignal) =>
    fetchJson<TeamHistory>(
      `/api/arena/benchmarks/${encodeURIComponent(slug)}/teams/${encodeURIComponent(team)}/history`,
      { signal },
    ),
  // The log has no JSON summary route yet, so the head is read from the export itself.
  logHead: async (signal?: AbortSignal) =>
    logHead((await fetchText(ARENA_LOG_URL, { signal }, 'application/x-ndjson')).text),
};

/** The transparency log export (JSON Lines). */
export const ARENA_LOG_URL = '/api/arena/log';

/** Which leaderboard: the latest round and the primary task unless named; JSON unless `format: 'csv'`. */
export interface LeaderboardQuery {
  round?: string;
  task?: string;
  format?: 'csv' | 'json';
}

/** The URL of a round's leaderboard for one task. */
export function leaderboardUrl(slug: string, { round, task, format }: LeaderboardQuery = {}): string {
  return apiUrl(`/api/arena/benchmarks/${encodeURIComponent(slug)}/leaderboard`, { round, task, format });
}

/** The CSV download link of a list or indicator endpoint. */
export function csvUrl(path: string, query: Query = {}): string {
  return apiUrl(path, { ...query, format: 'csv', page: undefined, pageSize: undefined });
}
