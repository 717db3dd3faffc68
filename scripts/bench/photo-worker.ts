// The benchmark's worker: the upload route's validation (worker/photo/validate-upload.ts) in
// workerd, timed from outside. POST /load keeps a photo in the isolate, so that timing a run does
// not include sending 4 MB; POST /run validates it once; GET /noop is the round trip to subtract;
// GET /memory reports the WASM memory the decoders hold (decode.ts wasmMemoryBytes()). POST
// /validate validates the request's body at once and answers with the WASM memory after it (the
// memory section, memory-bench.ts, streams uploads through it). /faces/* times the face models
// alone on the loaded photo, decoded once beforehand (face-routes.ts).
// Workers freeze the clock during execution, so nothing is timed in here.

import { decoderStats, wasmMemoryBytes } from "../../worker/photo/decode.ts";
import { validateUpload } from "../../worker/photo/validate-upload.ts";
import { faceRoute } from "./face-routes.ts";

let loaded: Uint8Array | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/load" && request.method === "POST") {
      loaded = new Uint8Array(await request.arrayBuffer());
      return Response.json({ bytes: loaded.byteLength });
    }
    if (pathname === "/run" && request.method === "POST") {
      if (!loaded) return Response.json({ error: "nothing loaded" }, { status: 409 });
      const result = await validateUpload(loaded);
      if (!result.ok) return Response.json({ error: result.refusal }, { status: 422 });
      return Response.json({
        verdict: result.verdict,
        checks: result.checks.map(({ id, verdict, value }) => ({ id, verdict, value })),
      });
    }
    if (pathname === "/validate" && request.method === "POST") {
      const result = await validateUpload(new Uint8Array(await request.arrayBuffer()));
      const outcome = result.ok ? { verdict: result.verdict } : { refusal: result.refusal.code };
      return Response.json({ ...outcome, wasm: wasmMemoryBytes(), decoder: decoderStats() });
    }
    if (pathname === "/memory") return Response.json({ wasm: wasmMemoryBytes(), decoder: decoderStats() });
    const face = await faceRoute(pathname, loaded);
    if (face) return face;
    if (pathname === "/noop") return new Response("ok");
    return new Response("not found", { status: 404 });
  },
};
