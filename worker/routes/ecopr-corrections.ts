import { Hono } from "hono";
import { actedForPerson } from "./acted-for-person.ts";
import { correctionSummary, correctionsOf, currentIdentity } from "../data/corrections.ts";
import { latestProofOfPr } from "../data/documents.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { AppError, type FieldProblem, validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { readBodyWithin } from "../lib/read-body.ts";
import { validPart } from "../lib/validate-json.ts";
import { type EvidenceRefusal, validateEvidence } from "../photo/validate-evidence.ts";
import { requestCorrection } from "../services/ecopr-correction.ts";
import {
  type CorrectionReceived,
  type CorrectionsState,
  EVIDENCE_FIELD,
  correctionBody,
} from "../../shared/api/corrections.ts";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MEGABYTES } from "../../shared/photo/size-limit.ts";

/*
 * Reporting an error in an e-CoPR (issue 17 point 3, decision 027), by the person or the account
 * acting for them (any other person's id is a 404, as every person route). The report is a
 * multipart form: the field, the value it should have, and optionally a photo of a supporting
 * document (JPEG or PNG, through the photo upload's header gate and 4 MB limit, metadata stripped).
 */

/** The form's text fields and the multipart boundaries around the photo: a few kilobytes at most. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

function evidenceProblem(refusal: EvidenceRefusal): FieldProblem {
  const at = (code: string, messageKey: FieldProblem["messageKey"], params?: FieldProblem["params"]) => ({
    field: EVIDENCE_FIELD,
    code,
    messageKey,
    ...(params ? { params } : {}),
  });
  switch (refusal.code) {
    case "empty":
      return at("empty", "corrections.documentEmpty");
    // The photo page's own advice for each kind of HEIF: what to change on the phone, or how to export.
    case "heic":
      return at("heic", "photo.heic");
    case "avif":
      return at("avif", "photo.avif");
    case "heif":
      return at("heif", "photo.heif");
    case "type":
      return at("type", "corrections.documentType");
    case "corrupt":
      return at("corrupt", "corrections.documentCorrupt");
    case "too_many_pixels":
      return at("too_many_pixels", "corrections.documentTooManyPixels", {
        width: refusal.width,
        height: refusal.height,
      });
  }
}

const notMultipart = () => new AppError(415, "not_multipart", "corrections.notMultipart");

export const ecoprCorrectionRoutes = new Hono<AppBindings>()
  .get("/:personId/ecopr-corrections", async (c) => {
    const { person } = await actedForPerson(c);
    const db = c.var.db;
    const [document, identity, rows] = await Promise.all([
      latestProofOfPr(db, person.id),
      currentIdentity(db, person),
      correctionsOf(db, person.id),
    ]);
    return c.json({
      ecopr: document
        ? {
            issuedOn: document.issuedAt.slice(0, 10),
            givenNames: identity.givenNames,
            familyName: identity.familyName,
            dateOfBirth: identity.dateOfBirth,
            uci: identity.uci,
          }
        : null,
      pending: rows.some((r) => r.status === "pending"),
      corrections: rows.map(correctionSummary),
    } satisfies CorrectionsState);
  })

  .post("/:personId/ecopr-corrections", async (c) => {
    const { applicant, person } = await actedForPerson(c);
    const db = c.var.db;
    // The cheap refusals first, before a 4 MB body is read.
    if (!(await latestProofOfPr(db, person.id))) throw new AppError(409, "no_ecopr", "corrections.noEcopr");
    if ((await correctionsOf(db, person.id)).some((r) => r.status === "pending"))
      throw new AppError(409, "correction_pending", "corrections.pending");

    const type = c.req.header("Content-Type") ?? "";
    if (!/^multipart\/form-data\b/i.test(type)) throw notMultipart();
    const bytes = await readBodyWithin(
      c.req.raw,
      MAX_PHOTO_BYTES + FORM_OVERHEAD_BYTES,
      () =>
        new AppError(413, "document_too_large", "corrections.documentTooLarge", {
          params: { megabytes: MAX_PHOTO_MEGABYTES },
        }),
    );
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "Content-Type": type } }).formData();
    } catch {
      throw notMultipart();
    }
    const textOf = (name: string) => {
      const value = form.get(name);
      if (value !== null && typeof value !== "string")
        throw new AppError(400, "malformed_form", "corrections.notMultipart");
      return value;
    };
    const today = new Date().toISOString().slice(0, 10);
    const { body, problems } = validPart(c, correctionBody(today), {
      field: textOf("field"),
      correctValue: textOf("correctValue"),
    });
    // A file input left empty still sends a part, with no name and no bytes: that is no document.
    const part = form.get(EVIDENCE_FIELD);
    if (typeof part === "string" && part !== "") throw new AppError(400, "malformed_form", "corrections.notMultipart");
    const file = part instanceof File && (part.size > 0 || part.name !== "") ? part : null;
    if (file && file.size > MAX_PHOTO_BYTES)
      throw new AppError(413, "document_too_large", "corrections.documentTooLarge", {
        params: { megabytes: MAX_PHOTO_MEGABYTES },
      });
    const evidence = file ? validateEvidence(new Uint8Array(await file.arrayBuffer())) : null;
    const allProblems = [...problems, ...(evidence && !evidence.ok ? [evidenceProblem(evidence.refusal)] : [])];
    if (allProblems.length) throw validationError(allProblems);

    const result = await requestCorrection(db, c.env, {
      personId: person.id,
      accountId: applicant.accountId,
      field: body.field,
      correctValue: body.correctValue,
      evidence: evidence?.ok ? { stored: evidence.stored, format: evidence.format } : null,
    });
    if (!result.ok) {
      if (result.reason === "same_value")
        throw validationError([{ field: "correctValue", code: "same_value", messageKey: "corrections.sameValue" }]);
      if (result.reason === "no_ecopr") throw new AppError(409, "no_ecopr", "corrections.noEcopr");
      throw new AppError(409, "correction_pending", "corrections.pending");
    }
    enqueueAfterResponse(c, result.correction.outboxIds);
    return c.json({ correction: correctionSummary(result.correction.row) } satisfies CorrectionReceived, 201);
  });
