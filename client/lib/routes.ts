/**
 * The app's pages, and which one a path shows: the table lives in shared/pages/routes.ts, because the
 * worker reads it too (to serve each page's prerendered HTML, decision 023). Add a page there.
 */
export { matchRoute, prerenderKey, type Route } from "../../shared/pages/routes.ts";
