// Where the long tasks of a Chromium trace (browser.startTracing) spend their time, for
// deploy/bench/map.mjs: the self time of each event within the main thread's tasks over 50 ms.
import { readFileSync } from 'node:fs';

/** Where the long tasks' time goes in a Chromium trace: self time by event (and script) within them. */
export function summarizeTrace(file, threshold = 50) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const self = new Map();
  let tasks = 0;
  let total = 0;
  const label = (e) => {
    const d = e.args?.data;
    const where = d?.url ? ` ${d.url.replace(/^.*\//, '')}${d.functionName ? ` ${d.functionName}` : ''}` : '';
    return `${e.name}${where}`;
  };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    for (let i = 0; i < list.length; i++) {
      const task = list[i];
      if (!/^(RunTask|ThreadControllerImpl::RunTask)$/.test(task.name) || task.dur < threshold * 1000) continue;
      tasks++;
      total += task.dur;
      const end = task.ts + task.dur;
      const stack = [{ e: task, child: 0 }];
      let j = i + 1;
      const pop = (until) => {
        while (stack.length && stack.at(-1).e.ts + stack.at(-1).e.dur <= until) {
          const { e, child } = stack.pop();
          const name = label(e);
          self.set(name, (self.get(name) || 0) + e.dur - child);
          if (stack.length) stack.at(-1).child += e.dur;
        }
      };
      for (; j < list.length && list[j].ts < end; j++) {
        pop(list[j].ts);
        stack.push({ e: list[j], child: 0 });
      }
      pop(Infinity);
      i = j - 1;
    }
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { tasks, totalMs: total / 1000, top: top.map(([name, us]) => ({ name, ms: us / 1000 })) };
}
