import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../i18n/index.ts";
import { apiRequest } from "./api.ts";
import type { ApiError, ApiResult, RequestOptions } from "./request.ts";
import { useI18n } from "./use-i18n.ts";

/** What a page knows of one answer: still waiting, the data, or why not (in the page's language). */
export type ApiLoad<T> =
  | { state: "loading" }
  | { state: "loaded"; data: T }
  | { state: "failed"; status: number; error: ApiError };

interface UseApiOptions {
  /** Sent as JSON with a POST; without it the request is a GET. */
  body?: unknown;
  /** Asks again whenever it changes although the path did not (e.g. each navigation). */
  key?: unknown;
  /** The language, where the hook runs outside the page's I18n context (the app shell). */
  lang?: Lang;
  /** The area's request function: `apiRequest` (applicants) unless given, `reviewRequest` for officers. */
  request?: <T>(path: string, options: RequestOptions) => Promise<ApiResult<T>>;
}

/** A 404: not something this account may see (or no such id); pages show "not found" for it. */
export function isNotFound<T>(load: ApiLoad<T>): boolean {
  return load.state === "failed" && load.status === 404;
}

/**
 * Loads `path` once per visit, and again when the path, the body or `key`
 * changes (showing "loading" meanwhile); an answer that comes after the page
 * is gone or after a newer request is dropped. A null path asks nothing.
 * Signed-out and must-change-password answers are already redirected by the
 * area's request function. A language switch re-renders in place: it does
 * not ask again.
 *
 * @example const load = useApi<PersonDetail>(`/api/persons/${id}`); if (load.state === "loaded") load.data.address
 */
export function useApi<T>(path: string | null, options: UseApiOptions = {}): ApiLoad<T> {
  const i18n = useI18n();
  const lang = options.lang ?? i18n.lang;
  const send = options.request ?? apiRequest;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const [load, setLoad] = useState<ApiLoad<T>>({ state: "loading" });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoad((current) => (current.state === "loading" ? current : { state: "loading" }));
    void send<T>(path, { lang, body: options.body }).then((result) => {
      if (!live) return;
      setLoad(
        result.ok
          ? { state: "loaded", data: result.data }
          : { state: "failed", status: result.status, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [path, body, options.key]);
  return load;
}
