import { useEffect, useState } from "preact/hooks";
import { apiRequest, type ApiError, type PhotoRecord } from "./api.ts";
import { useI18n } from "./use-i18n.ts";

export type PhotoLoad =
  | { state: "loading" }
  /** `photo` is null when none was uploaded yet. */
  | { state: "loaded"; photo: PhotoRecord | null }
  | { state: "failed"; error: ApiError };

/**
 * Loads a person's current photo (`GET /api/persons/:id/photo`), once per
 * visit; the API answers 200 with `null` when there is no photo yet.
 *
 * @example const load = usePhoto(12); if (load.state === "loaded" && load.photo) load.photo.verdict
 */
export function usePhoto(personId: number): PhotoLoad {
  const { lang } = useI18n();
  const [load, setLoad] = useState<PhotoLoad>({ state: "loading" });
  useEffect(() => {
    let live = true;
    void apiRequest<PhotoRecord | null>(`/api/persons/${personId}/photo`, { lang }).then((result) => {
      if (!live) return;
      if (result.ok) setLoad({ state: "loaded", photo: result.data ?? null });
      else setLoad({ state: "failed", error: result.error });
    });
    return () => {
      live = false;
    };
  }, [personId]);
  return load;
}

/** The stored image of a person's current photo; `photoId` in the address so a new upload is not served from cache. */
export function photoImageUrl(personId: number, photoId: number): string {
  return `/api/persons/${personId}/photo/image?v=${photoId}`;
}
