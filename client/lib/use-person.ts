import { useEffect, useState } from "preact/hooks";
import { apiRequest, type ApiError, type PersonDetail, type PersonWithTasks } from "./api.ts";
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

export type PersonsLoad = { state: "loading" } | { state: "loaded"; persons: PersonWithTasks[] } | { state: "failed"; error: ApiError };

/**
 * Loads every person the account acts for with their tasks (`GET /api/persons`,
 * the account holder first), once per visit: what pages that speak of the
 * whole family need.
 *
 * @example const load = usePersons(); if (load.state === "loaded") load.persons.filter((p) => p.tasks.submit !== "completed")
 */
export function usePersons(): PersonsLoad {
  const { lang } = useI18n();
  const [load, setLoad] = useState<PersonsLoad>({ state: "loading" });
  useEffect(() => {
    let live = true;
    void apiRequest<{ persons: PersonWithTasks[] }>("/api/persons", { lang }).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { state: "loaded", persons: result.data.persons } : { state: "failed", error: result.error });
    });
    return () => {
      live = false;
    };
  }, []);
  return load;
}
