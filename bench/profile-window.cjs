/**
 * A preload for profiling a window of a process's life (bench/profile-http.ts uses it): SIGUSR2
 * starts a V8 CPU profile (0.1 ms sampling), the next SIGUSR2 stops it and writes
 * $PROFILE_DIR/window-<pid>-<n>.cpuprofile (n = 1, 2, …), so start-up and warm-up stay out of it.
 * Plain JavaScript: it is loaded with `node --require` before anything is compiled.
 */
const fs = require('node:fs');
const inspector = require('node:inspector');

const dir = process.env.PROFILE_DIR || '.';
const session = new inspector.Session();
session.connect();
let running = false;
let windows = 0;

process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 100 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, res) => {
    windows += 1;
    const file = `${dir}/window-${process.pid}-${windows}.cpuprofile`;
    // written under another name first: the driver waits for the final name
    fs.writeFileSync(`${file}.tmp`, err ? JSON.stringify({ error: String(err) }) : JSON.stringify(res.profile));
    fs.renameSync(`${file}.tmp`, file);
  });
});
