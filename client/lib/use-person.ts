import type { PersonDetail, PersonWithTasks } from "./api.ts";
import { useApi, type ApiLoad } from "./use-api.ts";

/**
 * Loads one person the account acts for (`GET /api/persons/:id`), once per
 * visit. A 404 (not a person this account acts for, or no such id) is
 * `isNotFound(load)`: the page shows "not found".
 *
 * @example const load = usePerson(12); if (load.state === "loaded") load.data.address
 */
export function usePerson(personId: number): ApiLoad<PersonDetail> {
  return useApi<PersonDetail>(`/api/persons/${personId}`);
}

/**
 * Loads every person the account acts for with their tasks (`GET /api/persons`,
 * the account holder first), once per visit: what pages that speak of the
 * whole family need.
 *
 * @example const load = usePersons(); if (load.state === "loaded") load.data.persons.filter((p) => p.tasks.submit !== "completed")
 */
export function usePersons(): ApiLoad<{ persons: PersonWithTasks[] }> {
  return useApi<{ persons: PersonWithTasks[] }>("/api/persons");
}
