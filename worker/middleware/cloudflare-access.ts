import { createMiddleware } from "hono/factory";
import { type JWK, type JWTHeaderParameters, importJWK, jwtVerify } from "jose";
import { AppError } from "../lib/errors.ts";
import { isDevelopmentMode } from "../lib/environment.ts";
import { translate } from "../../shared/api/messages.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/*
 * When the deployment names a Cloudflare Access team and audience, every
 * /review request must carry Access's signed assertion
 * (Cf-Access-Jwt-Assertion), verified here against the team's public keys:
 * RS256 only, `aud` and `iss` checked, expiry enforced. So /review stays
 * closed even when reached through a workers.dev or preview URL that Access
 * does not sit in front of.
 * Keys are cached per isolate; a token signed with an unknown `kid` causes
 * one refetch (Access rotates keys); the same unknown kid again within a
 * minute does not, so forged tokens cannot make us fetch in a loop.
 */

type KeyFetcher = (url: string) => Promise<{ keys: JWK[] }>;

let fetchKeys: KeyFetcher = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Access certs answered ${response.status}`);
  return (await response.json()) as { keys: JWK[] };
};

/** Tests replace the key source (the one true boundary here). */
export function setAccessKeyFetcher(fetcher: KeyFetcher): void {
  fetchKeys = fetcher;
  cache.clear();
  refetchedFor.clear();
}

const cache = new Map<string, JWK[]>();
/** Unknown kids already refetched for, and when: each causes one refetch a minute at most. */
const refetchedFor = new Map<string, number>();
const REFETCH_SAME_KID_AFTER_MS = 60_000;

async function keysFor(teamDomain: string, unknownKid?: string): Promise<JWK[]> {
  const url = `https://${teamDomain}/cdn-cgi/access/certs`;
  const cached = cache.get(url);
  if (cached && unknownKid === undefined) return cached;
  if (cached && unknownKid !== undefined) {
    const last = refetchedFor.get(`${url} ${unknownKid}`);
    if (last !== undefined && Date.now() - last < REFETCH_SAME_KID_AFTER_MS) return cached;
    refetchedFor.set(`${url} ${unknownKid}`, Date.now());
  }
  const { keys } = await fetchKeys(url);
  cache.set(url, keys);
  return keys;
}

async function verifyAccessToken(token: string, teamDomain: string, audience: string) {
  const resolveKey = async (header: JWTHeaderParameters) => {
    let key = (await keysFor(teamDomain)).find((k) => k.kid === header.kid);
    // Access rotates keys: an unknown kid is worth one fresh look.
    if (!key) key = (await keysFor(teamDomain, String(header.kid))).find((k) => k.kid === header.kid);
    if (!key) throw new Error(`no Access key with kid ${header.kid}`);
    return importJWK(key, "RS256");
  };
  return jwtVerify(token, resolveKey, { algorithms: ["RS256"], audience, issuer: `https://${teamDomain}` });
}

/**
 * In production /review serves only behind Cloudflare Access, unless the
 * deployment says, in REVIEW_WITHOUT_ACCESS = "true", that it protects
 * /review another way. A forgotten Access setting then closes the officers'
 * area (503, pages and API) instead of leaving it on the open internet with
 * passwords and codes as its only guard. Development and test modes
 * (worker/lib/environment.ts) are unaffected.
 */
function reviewMayServeWithoutAccess(env: AppBindings["Bindings"]): boolean {
  return isDevelopmentMode(env) || env.REVIEW_WITHOUT_ACCESS === "true";
}

export function requireCloudflareAccess() {
  return createMiddleware<AppBindings>(async function requireCloudflareAccess(c, next) {
    const team = c.env.ACCESS_TEAM_DOMAIN;
    const audience = c.env.ACCESS_AUD;
    if (!(team && audience) && !reviewMayServeWithoutAccess(c.env)) {
      if (c.req.path.startsWith("/review/api/"))
        throw new AppError(503, "review_needs_access", "errors.reviewNeedsAccess");
      // Pages get the same refusal as plain text in both languages (the client would only show a blank area).
      return c.text(
        `${translate("en", "errors.reviewNeedsAccess")}\n\n${translate("fr", "errors.reviewNeedsAccess")}\n`,
        503,
        { "Cache-Control": "no-store" },
      );
    }
    if (team && audience) {
      const token = c.req.header("Cf-Access-Jwt-Assertion");
      if (!token) throw new AppError(403, "access_required", "errors.forbidden");
      try {
        await verifyAccessToken(token, team, audience);
      } catch {
        throw new AppError(403, "access_denied", "errors.forbidden");
      }
    }
    await next();
  });
}
