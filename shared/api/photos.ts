// A person's photo (worker/routes/photos.ts, client/pages/photo): what the JSON routes accept.
import * as v from "valibot";
import { withRules, anything } from "./problems.ts";

/** `POST /api/persons/:id/photo/acknowledge`: "I want to submit this photo anyway". */
export const AcknowledgeBody = withRules(v.object({ acknowledge: anything() }), ({ acknowledge }) =>
  acknowledge === true ? [] : [{ field: "acknowledge", code: "required", messageKey: "photo.acknowledgeRequired" }],
);

/** One automatic photo check, its message and tip already in the request's language. */
export interface PhotoCheck {
  id: string;
  verdict: "pass" | "warn" | "fail";
  value: number | string | null;
  threshold: number | string | null;
  message: string;
  tip: string;
}

/** `GET /api/persons/:id/photo`: the person's current photo (null before the first upload). */
export interface PhotoRecord {
  photoId: number;
  state: "draft" | "submitted" | "accepted" | "returned";
  /** "fail" only for a photo sent with an explanation of why it cannot meet a rule (decision 028). */
  verdict: "pass" | "warn" | "fail";
  warningsAcknowledged: boolean;
  exception: { reason: "medical" | "religious" | "disability" } | null;
  /** An officer put it in from a photo received by mail. */
  uploadedByOfficer: boolean;
  width: number;
  height: number;
  checks: PhotoCheck[];
}

/** `POST /api/persons/:id/photo` 201. */
export interface PhotoUploaded {
  photoId: number;
  verdict: "pass" | "warn";
  width: number;
  height: number;
  checks: PhotoCheck[];
}

/** `POST /api/persons/:id/photo/exception` 201: stored with its failed checks and the explanation's reason. */
export interface PhotoExceptionStored {
  photoId: number;
  verdict: "fail";
  exception: { reason: "medical" | "religious" | "disability" };
  width: number;
  height: number;
  checks: PhotoCheck[];
}

/** `POST /api/persons/:id/photo/acknowledge` 200. */
export interface PhotoAcknowledged {
  photoId: number;
  warningsAcknowledged: true;
}
