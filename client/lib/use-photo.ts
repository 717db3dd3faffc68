import type { PhotoRecord } from "./api.ts";
import { useApi, type ApiLoad } from "./use-api.ts";

/**
 * Loads a person's current photo (`GET /api/persons/:id/photo`), once per
 * visit; the API answers 200 with `null` when there is no photo yet.
 *
 * @example const load = usePhoto(12); if (load.state === "loaded" && load.data) load.data.verdict
 */
export function usePhoto(personId: number): ApiLoad<PhotoRecord | null> {
  return useApi<PhotoRecord | null>(`/api/persons/${personId}/photo`);
}

/** The stored image of a person's current photo; `photoId` in the address so a new upload is not served from cache. */
export function photoImageUrl(personId: number, photoId: number): string {
  return `/api/persons/${personId}/photo/image?v=${photoId}`;
}
