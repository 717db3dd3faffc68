import { lazyPage } from "../lazy-page/index.tsx";
import type { PhotoEditorProps } from "./editor.tsx";

export type { EditedPhoto, PhotoEditorProps } from "./editor.tsx";

/** The photo editor, fetched on first use (its own chunk, with the shared checks; the face
 *  detector is a further chunk it loads itself). */
export const PhotoEditor = lazyPage<PhotoEditorProps>(() => import("./editor.tsx"));
