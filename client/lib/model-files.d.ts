// Model files are copied to the built assets (scripts/build-client.mjs, loader "file"): importing
// one gives its URL.
declare module "*.bin" {
  const url: string;
  export default url;
}

/** The face worker's built URL (client/lib/face-worker.ts), defined by scripts/build-client.mjs. */
declare const FACE_WORKER_URL: string;
