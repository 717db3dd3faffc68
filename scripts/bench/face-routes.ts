// The bench worker's face routes (photo-worker.ts): the face models alone, on a photo the isolate
// already holds decoded, so that a request times detection and landmarks and nothing else.
//   POST /faces/decode    decodes the loaded photo (JPEG or PNG, by its first bytes) and keeps it
//   POST /faces/mesh      the upload's face finder (shared/photo/face/finder.ts): BlazeFace-128,
//                         the 468-point mesh, the crown estimate and the head-pose fit
//   POST /faces/release   drops the decoded photo (22 MB at 2000×2800: kept beside the next
//                         photo's validation, it pushed the isolate over its memory limit and
//                         workerd restarted it, losing the loaded photo)
// Workers freeze the clock while code runs: photo-bench.ts times these from outside.

import type { DecodedImage } from "../../worker/photo/decode.ts";
import { decodeImage } from "../../worker/photo/decode.ts";
import { getFaceFinder } from "../../worker/photo/face-mesh.ts";

let decoded: DecodedImage | undefined;

export async function faceRoute(pathname: string, loaded: Uint8Array | undefined): Promise<Response | undefined> {
  if (!pathname.startsWith("/faces/")) return undefined;
  if (pathname === "/faces/decode") {
    if (!loaded) return Response.json({ error: "nothing loaded" }, { status: 409 });
    decoded = await decodeImage(loaded[0] === 0xff ? "jpeg" : "png", loaded);
    return Response.json({ width: decoded.width, height: decoded.height });
  }
  if (pathname === "/faces/release") {
    decoded = undefined;
    return Response.json({ released: true });
  }
  if (!decoded) return Response.json({ error: "nothing decoded" }, { status: 409 });
  if (pathname === "/faces/mesh") {
    const faces = getFaceFinder().detect(decoded);
    return Response.json({ faces: faces.length, score: faces[0]?.score, landmarks: faces[0]?.landmarks.length ?? 0 });
  }
  return new Response("not found", { status: 404 });
}
