/**
 * A real server process, started the way production starts it: package.json's `start:server`
 * command run directly (without npm in between — `tsx server/main.ts` today, `node dist/…` once it
 * is compiled), on a port picked beforehand so that "start to /health" is timed from the spawn.
 * Also the koa hello-world baseline (bench/baseline/hello-koa.mjs), started the same way.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { leafProcess, peakRssBytes, resetPeak, rssBytes } from './memory';

export const ROOT = path.resolve(__dirname, '../..');

/** `startServer`: package.json's start:server (SERVER_PROCESSES applies to it, not to a baseline). */
export type Command = { file: string; args: string[]; env: Record<string, string>; text: string; startServer?: boolean };

/** package.json's start:server as a command line: `[VAR=value …] node|<bin in node_modules/.bin> args…`. */
export function startServerCommand(): Command {
  const text = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:server'];
  if (!text || /[|&;<>$`"']/.test(text)) throw new Error(`package.json start:server is not a plain command the bench can run: ${text}`);
  const words = text.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [k, ...v] = words.shift()!.split('=');
    env[k!] = v.join('=');
  }
  const [bin, ...args] = words;
  const file = bin === 'node' ? process.execPath : path.join(ROOT, 'node_modules/.bin', bin!);
  return { file, args, env, text, startServer: true };
}

/**
 * When `command` runs compiled JavaScript (dist/), `npm run build` first: a stale build would
 * measure other code than the sources. Answers the build's time, or undefined when none was run.
 */
export function buildIfCompiled(command: Command): number | undefined {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (!scripts['build'] || !command.args.some((a) => a.startsWith('dist/'))) return undefined;
  const t = performance.now();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  return performance.now() - t;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export class ChildServer {
  private exited = false;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    /** Spawn to the first 200 of the health path, ms. */
    readonly startMs: number,
  ) {}

  /** Spawns `command` with PORT set and waits for `healthPath` to answer 200. */
  static async start(command: Command, env: Record<string, string>, healthPath = '/health', timeoutMs = 180_000): Promise<ChildServer> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const t = performance.now();
    // its own process group: stop() ends the launcher and the server under it, nothing else
    const child = spawn(command.file, command.args, { cwd: ROOT, env: { ...process.env, ...command.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let exited = false;
    const keep = (b: Buffer) => void (output = (output + b.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', () => void (exited = true));
    for (;;) {
      if (exited) throw new Error(`${command.text} exited before answering ${healthPath}:\n${output}`);
      if (performance.now() - t > timeoutMs) {
        process.kill(-child.pid!, 'SIGKILL');
        throw new Error(`${command.text}: no answer on ${healthPath} within ${timeoutMs / 1000} s:\n${output}`);
      }
      // several server processes (SERVER_PROCESSES): the first answers while the others start; timed workloads wait for all
      if (await answers200(url + healthPath)) {
        if (!command.startServer || !processesAsked(command.env, env) || /FANGPIN_SERVER_PROCESSES \d+/.test(output)) break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const server = new ChildServer(child, url, performance.now() - t);
    server.output = output;
    child.stdout!.on('data', (b: Buffer) => void (server.output = (server.output + b.toString()).slice(-20_000)));
    child.stderr!.on('data', (b: Buffer) => void (server.output = (server.output + b.toString()).slice(-20_000)));
    child.once('exit', () => void (server.exited = true));
    return server;
  }

  /** The process that serves (under tsx, the node child of the launcher). */
  get pid(): number {
    return leafProcess(this.child.pid!);
  }

  rss(): number | undefined {
    return rssBytes(this.pid);
  }

  /** Runs `work` and answers its result with the server's peak resident memory meanwhile. */
  async peakDuring<T>(work: () => Promise<T>): Promise<{ result: T; peakRss?: number; peakSinceStart: boolean }> {
    const pid = this.pid;
    const reset = resetPeak(pid);
    const result = await work();
    return { result, peakRss: peakRssBytes(pid), peakSinceStart: !reset };
  }

  /** The last lines the process wrote (for an error report). */
  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    process.kill(-this.child.pid!, 'SIGTERM');
    const timer = setTimeout(() => {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000);
    await gone;
    clearTimeout(timer);
  }
}

/** SERVER_PROCESSES above one for this start (its env, the command's, or the bench's own): the primary says when all listen. */
function processesAsked(...envs: Record<string, string>[]): boolean {
  const setting = Object.assign({ SERVER_PROCESSES: process.env.SERVER_PROCESSES ?? '1' }, ...envs).SERVER_PROCESSES as string;
  return setting.trim().toLowerCase() === 'auto' ? os.availableParallelism() > 1 : Number(setting) > 1;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}
