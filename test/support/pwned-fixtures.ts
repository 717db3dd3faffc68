// What the local fake of the Pwned Passwords range API (fake-pwned-passwords.ts) knows.

/**
 * Passwords the fake treats as breached. They pass every offline rule (so
 * only the online check can refuse them); the service is a stand-in, so
 * these are invented, not taken from a breach.
 */
export const FAKE_BREACHED = ["violet harbour lantern seventeen", "mauve tugboat whispers at noon"];
/** Listed with a count of 0, as the real padding lines are: not breached. */
export const FAKE_PADDING_ONLY = "amber quarry beneath the larches";
