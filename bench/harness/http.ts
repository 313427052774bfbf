/**
 * The load generator's HTTP client: node:http on keep-alive sockets, one pool per target. Chosen
 * over fetch (undici) and autocannon because it costs the least CPU per request of what is already
 * installed, and the same client drives both the server and its baselines, so their ratio is fair.
 * Scripted villagers (a different body per step, multipart photos) need a client, not a replayer.
 */
import http from 'node:http';

export type Reply = { status: number; body: Buffer };

export class HttpTarget {
  private readonly agent: http.Agent;
  readonly url: URL;

  constructor(base: string, sockets: number) {
    this.url = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, agent: this.agent, headers: { ...opts.headers, ...(body ? { 'content-length': String(body.length) } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, { headers });
  }

  postJson(path: string, value: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request('POST', path, { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(value) });
  }

  /** multipart/form-data of text fields and one file. */
  postMultipart(path: string, fields: Record<string, string>, file: { name: string; field: string; bytes: Buffer; type: string }, headers: Record<string, string> = {}): Promise<Reply> {
    const boundary = `----fangpinbench${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request('POST', path, { headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) });
  }

  close(): void {
    this.agent.destroy();
  }
}
