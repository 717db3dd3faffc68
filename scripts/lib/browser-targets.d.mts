// Types for browser-targets.mjs (the build script is plain Node ESM).
export declare const NO_ESBUILD_ENGINE: ReadonlySet<string>;
export declare function supportedBrowsers(): string[];
export declare function esbuildTargets(browsers?: readonly string[]): string[];
