import { type ServiceStandards, type StandardClock, clockFor } from "./standards.ts";

/** The events of a person's status (worker/data/timeline.ts) this needs. */
interface StepEvent {
  type: "submitted" | "photo_accepted" | "photo_returned" | "pr_confirmed" | "card_produced" | "card_mailed";
  at: string;
}

/**
 * The clocks running for a person now: one for each step the portal owes
 * them. Photo review runs from the latest submission until its decision;
 * after the photo's acceptance the e-CoPR and the card run side by side;
 * mailing runs from the card's production. A returned photo stops the
 * portal's clock: the next step is the applicant's.
 */
export function runningClocks(events: readonly StepEvent[], standards: ServiceStandards, today: string) {
  const last = (type: StepEvent["type"]) => events.filter((e) => e.type === type).at(-1);
  const clocks: StandardClock[] = [];
  const submitted = last("submitted");
  const decided = events.filter((e) => e.type === "photo_accepted" || e.type === "photo_returned").at(-1);
  if (submitted && (!decided || decided.at < submitted.at))
    clocks.push(clockFor(standards.photo_review, submitted.at, today));
  const accepted = last("photo_accepted");
  const produced = last("card_produced");
  if (accepted && !last("pr_confirmed")) clocks.push(clockFor(standards.ecopr, accepted.at, today));
  if (accepted && !produced) clocks.push(clockFor(standards.card_produced, accepted.at, today));
  if (produced && !last("card_mailed")) clocks.push(clockFor(standards.card_mailed, produced.at, today));
  return clocks;
}
