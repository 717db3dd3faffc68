// Reading the chosen file: its type from its first bytes (as the server does, header.ts), then a
// decode with the EXIF orientation applied, so a phone photo stored sideways shows upright.

import { sniffImageType } from "../../../shared/photo/header.ts";
import type { Messages } from "../../i18n/index.ts";

/** Camera photos are large; beyond this the file is not a single photo we should decode. */
const MAX_SOURCE_BYTES = 40 * 1024 * 1024;

export type LoadProblem = "empty" | "heic" | "avif" | "heif" | "type" | "tooLarge" | "corrupt";

type LoadedImage = { ok: true; bitmap: ImageBitmap; name: string } | { ok: false; problem: LoadProblem };

/** The translated message for a problem, the same advice the server gives for the same file. */
export function loadProblemMessage(problem: LoadProblem, m: Messages): string {
  return m.photoEditor.loadErrors[problem];
}

export async function loadImage(file: File): Promise<LoadedImage> {
  if (file.size === 0) return { ok: false, problem: "empty" };
  if (file.size > MAX_SOURCE_BYTES) return { ok: false, problem: "tooLarge" };
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const type = sniffImageType(head);
  // Browsers may open HEIC or AVIF themselves, but the portal accepts only JPEG and PNG files:
  // each kind of HEIF gets its own advice, the same as the server's (header.ts names the kind).
  if (type === "heic" || type === "avif" || type === "heif") return { ok: false, problem: type };
  if (type !== "jpeg" && type !== "png") return { ok: false, problem: "type" };
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    if (bitmap.width < 1 || bitmap.height < 1) return { ok: false, problem: "corrupt" };
    return { ok: true, bitmap, name: file.name };
  } catch {
    return { ok: false, problem: "corrupt" };
  }
}
