/**
 * Bodies over the limit, sent over real HTTP on loopback by many clients at once: every one gets
 * a 413 with the JSON error, none sees its connection dropped, declared length or chunked.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../server/fake-services.js';
import { startTestServer, type TestServer } from '../web/serve.js';

const CLIENTS = 24;
const ROUNDS = 3;
const LIMIT = 65_536;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(createFakeServices(), { bodyLimitBytes: LIMIT, maxUploadBytes: 4 * LIMIT });
});
afterAll(() => server?.close());

/** One POST whose body is `bytes` long, declared (Content-Length) or streamed (chunked). */
function post(path: string, bytes: number, chunked: boolean, contentType = 'application/json'): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const url = new URL(path, server.url);
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': contentType, ...(chunked ? {} : { 'Content-Length': String(bytes) }) } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    const piece = Buffer.alloc(16_384, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const n = Math.min(piece.length, bytes - sent);
        sent += n;
        if (!req.write(piece.subarray(0, n))) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('bodies over the limit', () => {
  it('get a readable 413 JSON, under concurrency, declared or chunked, on questions and uploads', async () => {
    const results = [];
    for (let round = 0; round < ROUNDS; round++) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: CLIENTS }, (_, i) =>
            i % 3 === 2
              ? post('/api/documents', 8 * LIMIT, i % 2 === 0, 'multipart/form-data; boundary=x')
              : post('/api/ask', 4 * LIMIT + i * 1000, i % 2 === 0),
          ),
        )),
      );
    }
    const dropped = results.filter((r) => 'error' in r);
    expect(dropped, JSON.stringify(dropped.slice(0, 3))).toEqual([]);
    for (const r of results as Array<{ status: number; body: string }>) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });
});
