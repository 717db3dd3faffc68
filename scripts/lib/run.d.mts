// Types for run.mjs (the project's Node scripts are plain ESM).
export declare const root: string;
export declare function bin(name: string): string;
export declare function childEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function run(
  command: string,
  args: string[],
  options?: { env?: Record<string, string>; spawn?: object },
): Promise<number>;
export declare function mustRun(
  label: string,
  command: string,
  args: string[],
  options?: { env?: Record<string, string>; spawn?: object },
): Promise<void>;
export declare function ensureDevVars(port: number): boolean;
