// Model weight files are copied to the built assets (scripts/build-client.mjs, loader "file"):
// importing one gives its URL.
declare module "*.bin" {
  const url: string;
  export default url;
}
