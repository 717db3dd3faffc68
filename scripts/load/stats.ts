// Latency and status counts per route template, and the table the load test prints.

export class Stats {
  private readonly byRoute = new Map<string, number[]>();
  readonly statuses = new Map<number, number>();
  readonly started = performance.now();

  record(route: string, ms: number, status: number) {
    let times = this.byRoute.get(route);
    if (!times) {
      times = [];
      this.byRoute.set(route, times);
    }
    times.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  get total(): number {
    let n = 0;
    for (const times of this.byRoute.values()) n += times.length;
    return n;
  }

  get serverErrors(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (status >= 500 || status === 0) n += count;
    return n;
  }

  table(): string {
    const percentile = (sorted: number[], p: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    const rows = [...this.byRoute].map(([route, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return [
        route,
        String(sorted.length),
        ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(0)),
        sorted.at(-1)!.toFixed(0),
      ];
    });
    const header = ["route", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    return [line(header), ...rows.map(line)].join("\n");
  }
}
