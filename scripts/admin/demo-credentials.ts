import path from "node:path";
import { Secret } from "otpauth";
import { PROJECT_ROOT } from "./platform.ts";

/**
 * The demo's fixed names and credentials. They are public (here and in
 * docs/admin.md), which is why seed-demo refuses --remote.
 */
export const DEMO = {
  sampleFile: path.join(PROJECT_ROOT, "scripts/admin/samples/approved-applications.csv"),
  familyApplication: "E000100001",
  singleApplication: "E000100002",
  username: "PR-DEMO0001",
  password: "correct maple snowfall lantern",
  officer: {
    email: "officer@demo.test",
    name: "Demo Officer",
    password: "quiet harbour pencil meadow",
    // A fixed secret (the 20 bytes of this text) so that the authenticator
    // entry made once keeps working after the demo state is rebuilt.
    totpSecret: Secret.fromUTF8("PR portal demo only!").base32,
  },
} as const;
