// The single source of truth for the database: drizzle-kit generates
// migrations/ from these tables; invariants live in hand-written trigger
// migrations beside them.
export * from "./common.ts";
export * from "./applications.ts";
export * from "./accounts.ts";
export * from "./journey.ts";
export * from "./operations.ts";
export * from "./email-confirmations.ts";
export * from "./public-figures.ts";
export * from "./another-way.ts";
export * from "./corrections.ts";
export * from "./representatives.ts";
