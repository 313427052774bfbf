/**
 * A preload for profiling the server the bench starts (`--cpu-prof` is refused in NODE_OPTIONS):
 *
 *   PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require ./bench/profile-server.cjs" npm run bench -- --only steps --cases 0
 *
 * In the server process only (dist/server/main.js): a V8 CPU profile (1 ms sampling) written at exit
 * as server-<pid>.cpuprofile (open it in Chrome's DevTools), and cpu-<pid>.txt with the server's
 * CPU time per answered POST /api/bot/inbound from the first answer to the last — steadier than
 * steps/s on a shared machine. Plain JavaScript: it is loaded before anything is compiled.
 */
if (process.argv.some((a) => a.endsWith('server/main.js'))) {
  const fs = require('node:fs');
  const http = require('node:http');
  const inspector = require('node:inspector');
  const dir = process.env.PROFILE_DIR || '.';
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')));

  let answers = 0, first = null, last = null, t0 = 0, t1 = 0;
  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (...args) {
    const r = end.apply(this, args);
    if (this.req && this.req.url === '/api/bot/inbound') {
      if (!first) (first = process.cpuUsage()), (t0 = performance.now());
      else answers++;
      (last = process.cpuUsage()), (t1 = performance.now());
    }
    return r;
  };

  process.on('exit', () => {
    // inspector.Session.post runs its callback synchronously: the profile is written before the process ends
    session.post('Profiler.stop', (err, res) => {
      if (!err) fs.writeFileSync(`${dir}/server-${process.pid}.cpuprofile`, JSON.stringify(res.profile));
    });
    if (!first || answers === 0) return;
    const ms = (k) => (last[k] - first[k]) / 1000 / answers;
    fs.writeFileSync(
      `${dir}/cpu-${process.pid}.txt`,
      `${answers} answers in ${((t1 - t0) / 1000).toFixed(1)} s; server CPU ${(ms('user') + ms('system')).toFixed(2)} ms per answer (user ${ms('user').toFixed(2)}, system ${ms('system').toFixed(2)}); busy ${(((ms('user') + ms('system')) * answers) / (t1 - t0) * 100).toFixed(0)}% of one core\n`,
    );
  });
}
