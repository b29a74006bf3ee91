import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { type ErrorBody, errorBody } from './http-errors.ts';

function answer(code: ErrorCode, message: string): { status: number; body: ErrorBody } {
  return { status: ERROR_CODES[code].httpStatus, body: errorBody(code, message) };
}

/** The status and body for an error of Node's HTTP parser, in the shape of every other error. */
export function clientErrorAnswer(error: { code?: string }): { status: number; body: ErrorBody } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return answer(
        'ERR_HEADERS_TOO_LARGE',
        `the request headers are larger than the server accepts (${Math.round(maxHeaderSize / 1024)} KiB); send fewer or shorter headers`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return answer('ERR_REQUEST_TIMEOUT', 'the request did not arrive in time; send it again');
    default:
      return answer('ERR_USAGE', 'the request is not valid HTTP/1.1');
  }
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses a request (headers over its limit, bytes
 * that are not HTTP, a request that took too long) before any route or hook runs, and Fastify's own
 * answer has another body than ours; this one writes `{ error: { code, message } }` on the socket and
 * closes it, as Node does. A reset connection gets nothing.
 *
 * @example
 * Fastify({ clientErrorHandler: answerClientError });
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = clientErrorAnswer(error);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy(error);
}
