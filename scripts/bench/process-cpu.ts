// CPU time of this process's descendants (the bench's workerd), read from Linux's /proc: what a
// request cost the isolate whatever else the machine was doing. On a shared machine a
// single-threaded isolate waits for a core while sharp's threads get theirs, so wall-clock ratios
// move with the load; CPU time does not. Undefined where there is no /proc.

import { existsSync, readdirSync, readFileSync } from "node:fs";

const TICKS_PER_MS = 0.1; // USER_HZ = 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({ pid: Number(entry), ppid: Number(fields[1]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** User + system CPU time, in ms, of every process descended from this one, threads included. */
export function descendantsCpuMs(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const all = processes();
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  mine.delete(process.pid);
  let ticks = 0;
  for (const pid of mine) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks / TICKS_PER_MS;
}
