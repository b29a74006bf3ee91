import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../scripts/docs/index.ts';
import { ApertureError, ERROR_CODES, type ErrorCode, EXIT_CODES } from '../src/errors.ts';
import { describeError } from '../src/server/index.ts';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const SERVER = path.resolve(import.meta.dirname, '../src/server');

describe('the error-code table', () => {
  it('gives every code an HTTP error status, a summary, and an exit code the CLI documents or none', () => {
    const exitCodes: number[] = Object.values(EXIT_CODES).filter((code) => code !== EXIT_CODES.ok);
    for (const code of CODES) {
      const entry = ERROR_CODES[code];
      expect(code).toMatch(/^ERR_[A-Z0-9_]+$/);
      expect(entry.httpStatus, code).toBeGreaterThanOrEqual(400);
      expect(entry.httpStatus, code).toBeLessThan(600);
      expect(entry.summary.length, code).toBeGreaterThan(5);
      if (entry.exitCode !== null) expect(exitCodes, code).toContain(entry.exitCode);
    }
  });

  it('holds the codes only HTTP has, with no exit code (a CLI that meets one reports a bug)', () => {
    const httpOnly = CODES.filter((code) => ERROR_CODES[code].exitCode === null);
    expect(httpOnly.sort()).toEqual([
      'ERR_HEADERS_TOO_LARGE',
      'ERR_RATE_LIMITED',
      'ERR_REQUEST_TIMEOUT',
      'ERR_TIMEOUT',
      'ERR_UNSUPPORTED_MEDIA_TYPE',
    ]);
    const error = new ApertureError('ERR_RATE_LIMITED', 'too many', { field: 'token' });
    expect([error.exitCode, error.httpStatus, error.field]).toEqual([EXIT_CODES.internal, 429, 'token']);
  });

  it('is where the server reads its error statuses: for our errors and for Fastify and plugin ones', () => {
    for (const code of CODES) {
      const { status, body } = describeError(new ApertureError(code, 'x'));
      expect([status, body.error.code]).toEqual([ERROR_CODES[code].httpStatus, code]);
    }
    const fastify = (statusCode: number) => Object.assign(new Error('refused'), { statusCode });
    expect(describeError(fastify(415)).body.error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    expect(describeError(fastify(429)).status).toBe(ERROR_CODES.ERR_RATE_LIMITED.httpStatus);
    expect(describeError(fastify(413)).body.error.code).toBe('ERR_TOO_LARGE');
  });

  it('leaves no error status written as a number in the server code', () => {
    const offenders = readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((name) =>
        readFileSync(path.join(SERVER, name), 'utf8')
          .split('\n')
          .filter((line) => /\.code\([45]\d\d\)|status: [45]\d\d\b/.test(line))
          .map((line) => `${name}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('is documented in docs/errors.md, every code with its exit code and status', () => {
    const text = renderErrorsDoc();
    for (const code of CODES) {
      const { exitCode, httpStatus } = ERROR_CODES[code];
      expect(text).toContain(`| \`${code}\` | ${exitCode ?? '— (HTTP only)'} | ${httpStatus} |`);
    }
  });
});
