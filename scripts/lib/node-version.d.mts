// Types for node-version.mjs (plain Node ESM, run before anything is compiled).
export declare const MIN_NODE: readonly [number, number];
export declare function nodeVersionProblem(version?: string): string | null;
export declare function requireProjectNode(): void;
