// Changing the mailing address after submitting (worker/routes/address-change.ts,
// client/pages/address-change): what the routes answer. The body is the address
// page's own schema, AddressBody in shared/api/persons.ts (its sameForFamily is
// not used here: a change after submitting is one person's).

import type { Address } from "../address/address.ts";

/** The address as the routes give it: the one address type (shared/address/address.ts). */
export type MailingAddress = Address;

/**
 * `GET /api/persons/:id/address-change`: whether the address can change now.
 * `closed`: `not_submitted` (the address page is where it changes), or
 * `card_in_production` (the card producer already has it; `message` says what to do instead).
 */
export interface AddressChangeState {
  address: MailingAddress | null;
  /** When the address in force was given (YYYY-MM-DD). */
  since: string | null;
  open: boolean;
  closed: null | { code: "not_submitted" | "card_in_production"; message: string };
}

/** `POST /api/persons/:id/address-change`: the address in force and since when; `changed: false` when it was already this one. */
export interface AddressChangeResult {
  address: MailingAddress;
  since: string;
  changed: boolean;
}
