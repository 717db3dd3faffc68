// `npm run bench`: prints figures and ratios, section by section. Not a test: nothing is asserted,
// and timings depend on the machine and its load.
//
//   npm run bench              every section
//   npm run bench -- photo     only the named sections
//
// A section is a module whose default export is an async function that prints its figures.
// Adding one is one line in SECTIONS.

const SECTIONS = {
  photo: () => import("./photo.mjs"),
  memory: () => import("./memory.mjs"),
  requests: () => import("./requests.mjs"),
  client: () => import("./client.mjs"),
  ecopr: () => import("./ecopr.mjs"),
};

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}
for (const [name, load] of Object.entries(SECTIONS)) {
  if (asked.length && !asked.includes(name)) continue;
  console.log(`\n== ${name} ==\n`);
  const { default: run } = await load();
  await run();
}
