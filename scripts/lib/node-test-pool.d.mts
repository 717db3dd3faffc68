// Types for node-test-pool.mjs (the project's Node scripts are plain ESM).
export declare const DEFAULT_FILE_TIMEOUT_MS: number;
export declare function runNodeTestFilesPooled(
  files: string[],
  options: { slots: number; args?: string[]; env?: Record<string, string>; timeoutMs?: number },
): Promise<{ passed: number; failed: number; ok: boolean }>;
