/** One RFC 4180 CSV line: fields with commas, quotes or newlines are quoted. */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields
    .map((field) => {
      const text = field == null ? "" : String(field);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}
