// A minimal RFC 5322 / 2045 message for the send_email binding: UTF-8
// headers encoded per RFC 2047, a multipart/alternative body with the text
// and HTML parts in base64, lines wrapped at 76 characters.

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function wrap76(text: string): string {
  return text.replace(/(.{76})/g, "$1\r\n");
}

/** RFC 2047 encoded-word for a header value that may hold accents. */
export function encodeHeader(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${base64Utf8(value)}?=`;
}

export function buildMimeMessage(m: { from: string; fromName: string; to: string; subject: string; text: string; html: string }): string {
  const boundary = `=_portal_${crypto.randomUUID()}`;
  const headers = [
    `From: ${encodeHeader(m.fromName)} <${m.from}>`,
    `To: <${m.to}>`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${crypto.randomUUID()}@${m.from.split("@")[1] ?? "localhost"}>`,
    "MIME-Version: 1.0",
    "Content-Language: en, fr",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, "Content-Transfer-Encoding: base64", "", wrap76(base64Utf8(body))].join("\r\n");
  return [...headers, "", part("text/plain", m.text), part("text/html", m.html), `--${boundary}--`, ""].join("\r\n");
}
