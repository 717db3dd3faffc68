/**
 * A mailing address in Canada, as the API takes and returns it (shared by the
 * worker and the client). `province` is a code (`ON`), `postalCode` is
 * normalized to `A1A 1A1`.
 */
export interface Address {
  unit: string | null;
  streetNumber: string;
  streetName: string;
  city: string;
  province: string;
  postalCode: string;
}
