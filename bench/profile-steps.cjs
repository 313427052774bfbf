/**
 * A preload for the server the bench starts: its CPU time per answer, by the message's place in
 * the villager's 20-message script (workloads/villager.ts) — where a single step's cost shows,
 * steadier than steps/s on a shared machine. Only with ONE villager, so requests never overlap and
 * the n-th answer is message n mod 20 of the script:
 *
 *   STEPS_DIR=/tmp/steps NODE_OPTIONS="--require ./bench/profile-steps.cjs" npm run bench -- --only steps --cases 0 --villagers 1 --seconds 20
 *
 * In the server process only (dist/server/main.js): steps-<pid>.txt at exit, one line per script
 * place (answers, median and mean ms of server CPU from the request's arrival to its answer), then
 * the plain answers together (the script's texts but the first, the photos and the filing).
 * Plain JavaScript: it is loaded before anything is compiled.
 */
if (process.argv.some((a) => a.endsWith('server/main.js'))) {
  const fs = require('node:fs');
  const http = require('node:http');
  const PLACES = 20;
  // the script's places of the first words (0), the photos (13, 15) and the filing (19)
  const NOT_PLAIN = new Set([0, 13, 15, 19]);
  const per = Array.from({ length: PLACES }, () => []);
  let n = 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === 'request' && req.url === '/api/bot/inbound') {
      const start = process.cpuUsage();
      const place = n++ % PLACES;
      res.on('finish', () => {
        const c = process.cpuUsage(start);
        per[place].push((c.user + c.system) / 1000);
      });
    }
    return emit.apply(this, arguments);
  };
  process.on('exit', () => {
    const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? NaN;
    const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
    const plain = per.flatMap((a, i) => (NOT_PLAIN.has(i) ? [] : a));
    const lines = per.map((a, i) => `${i}\t${a.length} answers\tmedian ${median(a).toFixed(2)} ms\tmean ${mean(a).toFixed(2)} ms`);
    lines.push(`plain answers: ${plain.length}, median ${median(plain).toFixed(2)} ms, mean ${mean(plain).toFixed(2)} ms`);
    lines.push(`every answer: mean ${mean(per.flat()).toFixed(2)} ms`);
    fs.writeFileSync(`${process.env.STEPS_DIR || '.'}/steps-${process.pid}.txt`, lines.join('\n') + '\n');
  });
}
