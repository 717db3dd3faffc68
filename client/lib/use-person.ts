import { useEffect, useState } from "preact/hooks";
import { apiRequest, type ApiError, type PersonDetail } from "./api.ts";
import { useI18n } from "./use-i18n.ts";

export type PersonLoad =
  | { state: "loading" }
  | { state: "loaded"; person: PersonDetail }
  /** Not a person this account acts for (or no such id): the page shows "not found". */
  | { state: "notFound" }
  | { state: "failed"; error: ApiError };

/**
 * Loads one person the account acts for (`GET /api/persons/:id`), once per
 * visit. Signed-out and must-change-password answers are already redirected
 * by `apiRequest`.
 *
 * @example const load = usePerson(12); if (load.state === "loaded") load.person.address
 */
export function usePerson(personId: number): PersonLoad {
  const { lang } = useI18n();
  const [load, setLoad] = useState<PersonLoad>({ state: "loading" });
  useEffect(() => {
    let live = true;
    void apiRequest<PersonDetail>(`/api/persons/${personId}`, { lang }).then((result) => {
      if (!live) return;
      if (result.ok) setLoad({ state: "loaded", person: result.data });
      else if (result.status === 404) setLoad({ state: "notFound" });
      else setLoad({ state: "failed", error: result.error });
    });
    return () => {
      live = false;
    };
  }, [personId]);
  return load;
}
