// The audit's tables as text: per skin-tone group, the valid photos flagged; per check and group,
// false refusals (FR) and false warnings (FW) out of the valid photos, and misses (M: passed) and
// warn-only answers (W) out of the photos labelled with that check.
import type { AuditRecord, SplitTable } from "../../shared/photo/accuracy/audit-table.ts";

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function formatSplit(table: SplitTable, groups: readonly string[]): string {
  const lines: string[] = [];
  lines.push(
    `  ${"group".padEnd(10)}${pad("valid", 7)}${pad("refused", 9)}${pad("warned", 8)}${pad("flagged %", 11)}${pad("wrong", 7)}${pad("refused", 9)}`,
  );
  for (const g of groups) {
    const c = table.groups[g]!;
    lines.push(
      `  ${g.padEnd(10)}${pad(c.valid, 7)}${pad(c.refused, 9)}${pad(c.warned, 8)}${pad(c.falseFlagPercent, 11)}${pad(c.wrong, 7)}${pad(c.wrongRefused, 9)}`,
    );
  }
  lines.push("");
  const W = 28;
  lines.push(`  ${"check".padEnd(22)}${[...groups, "all"].map((g) => pad(g, W)).join("")}`);
  lines.push(`  ${"".padEnd(22)}${[...groups, "all"].map(() => pad("FR FW /valid   M  W /wrong", W)).join("")}`);
  for (const check of table.checks) {
    const cell = (c: (typeof check)["total"]) =>
      pad(
        `${pad(c.falseRefusals, 2)} ${pad(c.falseWarnings, 2)} /${String(c.valid).padEnd(5)} ${pad(c.misses, 2)} ${pad(c.warnedOnly, 2)} /${String(c.wrong).padEnd(5)}`,
        W,
      );
    lines.push(`  ${check.id.padEnd(22)}${groups.map((g) => cell(check.groups[g]!)).join("")}${cell(check.total)}`);
  }
  for (const check of table.checks) {
    const c = check.total;
    if (c.borderline)
      lines.push(
        `  ${check.id.padEnd(22)}borderline photos (should warn): ${c.borderline}, warned ${c.borderlineWarned}, refused ${c.borderlineRefused}, passed ${c.borderline - (c.borderlineWarned ?? 0) - (c.borderlineRefused ?? 0)}; by group ${groups
          .map((g) => {
            const x = check.groups[g]!;
            return `${x.borderlineWarned}/${x.borderline} warned`;
          })
          .join(", ")}`,
      );
  }
  for (const n of table.notMeasured)
    lines.push(`  ${n.id.padEnd(22)}no check measures it: ${n.photos} photos labelled`);
  lines.push(
    `  malformed files refused with their own code: ${table.malformed.refusedAsLabelled} of ${table.malformed.expected}`,
  );
  return lines.join("\n");
}

const spread = (values: number[]) => {
  if (values.length === 0) return "–";
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => String(Math.round(v * 10000) / 10000);
  return `${f(sorted[0]!)} / ${f(sorted[Math.floor(sorted.length / 2)]!)} / ${f(sorted[sorted.length - 1]!)}`;
};

/** Each check's measured value on the valid photos and on the photos labelled with it. */
export function formatValues(
  records: readonly { expect: AuditRecord["expect"]; values: Record<string, number> }[],
): string {
  const ids = [...new Set(records.flatMap((r) => Object.keys(r.values)))];
  const lines = [`  ${"check".padEnd(22)}${"valid photos".padEnd(34)}photos labelled with the check`];
  for (const id of ids) {
    const valid = records.filter((r) => "valid" in r.expect && id in r.values).map((r) => r.values[id]!);
    const wrong = records
      .filter((r) => "fails" in r.expect && r.expect.fails.includes(id) && id in r.values)
      .map((r) => r.values[id]!);
    const borderline = records
      .filter((r) => "borderline" in r.expect && r.expect.borderline.includes(id) && id in r.values)
      .map((r) => r.values[id]!);
    lines.push(
      `  ${id.padEnd(22)}${spread(valid).padEnd(34)}${spread(wrong)}${borderline.length ? `   (borderline: ${spread(borderline)})` : ""}`,
    );
  }
  return lines.join("\n");
}
