import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EmulatorError, emulatorError } from './errors.js';

/** HTTP plumbing: reading bodies with a limit, writing AWS-style answers, listening. */

export function send(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: string | undefined,
  extra?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { 'x-amzn-requestid': requestId, ...extra };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, headers);
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  requestId: string,
  error: EmulatorError,
  extra?: Record<string, string>,
): void {
  send(res, error.status, requestId, error.toBody(), { 'x-amzn-errortype': error.type, ...extra });
}

/** Anything thrown that is not an EmulatorError is a bug in the emulator: a 500, as AWS would answer. */
export function asEmulatorError(error: unknown): EmulatorError {
  if (error instanceof EmulatorError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return emulatorError(
    'ServiceFailureException',
    `The emulator failed while handling the request: ${detail}`,
  );
}

/** The client went away before its request was complete: there is no one left to answer. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * Read the whole body, refusing more than `limit` bytes: a declared Content-Length over the
 * limit is refused before reading anything, a chunked body as soon as it crosses the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = (size: number) =>
    emulatorError(
      'RequestEntityTooLargeException',
      `Request body of ${size} bytes exceeds the limit of ${limit} bytes.`,
    );
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(size));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', () => reject(new ClientGone()));
    req.once('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}

/**
 * What node's HTTP parser refuses never reaches a request handler; answer it AWS-style
 * (status, `x-amzn-errortype`, JSON body) and close, as the connection cannot be trusted.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, type, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'RequestHeaderFieldsTooLargeException', 'The request headers exceed the size limit.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'RequestTimeoutException', 'The request was not received in time.']
        : [400, 'BadRequestException', `Malformed HTTP request (${error.code ?? 'parse error'}).`];
  const body = new EmulatorError(type, message, { status }).toBody();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-errortype: ${type}\r\n` +
      `x-amzn-requestid: ${randomUUID()}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}

export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}
