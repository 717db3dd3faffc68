// Types for service-history.mjs (the project's Node scripts are plain ESM).
export declare function serviceHistorySql(options: {
  /** The officer whose decisions and documents the history records (must exist). */
  officerEmail: string;
  /** The signed-in applicant whose own documents wait for review, submitted 20 days before `now`. */
  username: string;
  /** Milliseconds since the epoch the history ends at. */
  now: number;
}): string;
