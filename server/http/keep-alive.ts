/**
 * How long an idle kept-alive connection stays open. Node closes it after 5 s by default, while a
 * client (undici's fetch: 4 s) or a reverse proxy in front (nginx, a cloud load balancer: 60 s)
 * may still send on it: on a busy machine its timer fires late and the next request meets a
 * closed socket (ECONNRESET at the client, a 502 at the proxy). The server waits longer than its
 * clients, so they always close first; headers must then be allowed a little longer still.
 */
import type { Server } from 'node:http';

export const KEEP_ALIVE_MS = 65_000;

export function keepIdleConnectionsOpen(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
