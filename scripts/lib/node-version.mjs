// The Node our scripts need: wrangler, miniflare and vitest require 22.12 or later.
// npm install runs on the system Node and no longer prints their EBADENGINE
// warnings (.npmrc, decision 001), so the scripts check the Node they really
// run on: the one `npm install` linked as node_modules/.bin/node.
export const MIN_NODE = [22, 12];

/** A one-line explanation when `version` ("v20.20.2") is too old, otherwise null. */
export function nodeVersionProblem(version = process.version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return null;
  return (
    `This script needs Node ${MIN_NODE.join(".")} or later and is running on ${version}. ` +
    "Run it through npm (npm start, npm test, npm run …), which puts the project's Node 22 " +
    "(node_modules/.bin/node, decision 001) first; if that is missing, run npm install again."
  );
}

/** Stops the script with that explanation when the running Node is too old. */
export function requireProjectNode() {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
