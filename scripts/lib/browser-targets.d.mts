// Types for browser-targets.mjs (the build script is plain Node ESM).
export declare const NO_ESBUILD_ENGINE: ReadonlySet<string>;
export declare function supportedBrowsers(): string[];
export declare function esbuildTargets(browsers?: readonly string[]): string[];
export interface SupportedBrowserFamily {
  id: string;
  name: string;
  queries: string[];
  minVersion: string | null;
  esr: boolean;
}
export declare function browserQuery(): string[];
export declare function supportedBrowserFamilies(query?: readonly string[]): SupportedBrowserFamily[];
export declare function supportedBrowsersModule(families?: SupportedBrowserFamily[]): string;
export declare function readmeBrowserTable(families?: SupportedBrowserFamily[]): string;
export declare const SUPPORTED_BROWSERS_MODULE: string;
export declare function writeSupportedBrowsersModule(): void;
