import { type Command, adminName, flag, print, stringOption } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";

interface MailListItem {
  id: number;
  kind: string;
  to: string;
  from: string;
  subject: string;
  status: "pending" | "sent" | "failed";
  createdAt: string;
  sentAt: string | null;
  text: string;
  html: string;
}

const DEFAULT_MAIL_LIMIT = 20;

export const mailCommand: Command = {
  name: "mail",
  summary: "List the outbox, newest first, with the secrets filled in.",
  synopsis: "[--to E] [--limit N] [--json]",
  description: [
    "Every email the portal sends is written to the outbox first. This lists id, status, recipient,",
    "subject, time and the text body, with temporary passwords and links filled in (in production",
    'they are erased after delivery and show as "[removed after delivery …]").',
    "With --json, stdout holds exactly one JSON array:",
    "  [{ id, kind, to, from, subject, status, createdAt, sentAt, text, html }]",
  ],
  options: { to: { type: "string" }, json: { type: "boolean" }, limit: { type: "string" } },
  optionHelp: [
    ["--to E", "only messages to this address"],
    ["--limit N", `at most N messages (default ${DEFAULT_MAIL_LIMIT})`],
    ["--json", "one JSON array on stdout, nothing else"],
  ],
  examples: [
    "npm run admin -- mail",
    "npm run admin -- mail --to amara.okafor@demo.test --limit 1",
    "npm run admin -- mail --json > outbox.json",
  ],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const to = stringOption(values, "to");
    const limitText = stringOption(values, "limit");
    const limit = limitText === undefined ? DEFAULT_MAIL_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError("--limit must be a whole number from 1 to 1000");

    const { listOutbox } = await import("../../../worker/data/outbox.ts");
    const { fillSecrets } = await import("../../../worker/email/render.ts");
    const { auditInsert } = await import("../../../worker/data/audit.ts");
    const { withPlatform } = await import("../platform.ts");
    const messages = await withPlatform(platform, async ({ db }) => {
      const rows = await listOutbox(db, { ...(to ? { to } : {}), limit });
      // The bodies shown carry temporary passwords and single-use links: who read them is recorded.
      await db.batch([
        auditInsert(db, {
          actorKind: "admin",
          actorId: adminName(),
          action: "outbox.read",
          subjectKind: "outbox",
          subjectId: to ?? null,
          details: { limit, shown: rows.length },
        }),
      ]);
      return rows.map((row): MailListItem => {
        const secrets = row.secretsJson ? (JSON.parse(row.secretsJson) as Record<string, string>) : null;
        return {
          id: row.id,
          kind: row.kind,
          to: row.toAddress,
          from: row.fromAddress,
          subject: row.subject,
          status: row.status,
          createdAt: row.createdAt,
          sentAt: row.sentAt,
          text: fillSecrets(row.textBody, secrets),
          html: fillSecrets(row.htmlBody, secrets, true),
        };
      });
    });

    if (flag(values, "json")) {
      print(JSON.stringify(messages, null, 2));
      return EXIT.ok;
    }
    if (messages.length === 0) {
      print(to ? `No messages to ${to}.` : "The outbox is empty.");
      return EXIT.ok;
    }
    for (const m of messages) {
      print(`#${m.id}  ${m.status}  ${m.createdAt}${m.sentAt ? `  (sent ${m.sentAt})` : ""}  [${m.kind}]`);
      print(`To:      ${m.to}`);
      print(`From:    ${m.from}`);
      print(`Subject: ${m.subject}`);
      print();
      print(m.text.trimEnd());
      print();
      print("=".repeat(72));
    }
    print(
      `${messages.length} message(s) shown, newest first${messages.length === limit ? ` (limit ${limit}; use --limit to see more)` : ""}.`,
    );
    return EXIT.ok;
  },
};
