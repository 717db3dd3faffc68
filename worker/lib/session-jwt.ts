import { SignJWT, jwtVerify } from "jose";

/*
 * The session cookie holds a JWT whose only claim of substance is `sub`, the
 * id of a row in `sessions`. The row is the session: revoking it (sign-out,
 * password change) ends the session even though the JWT has not expired.
 * Verification pins the algorithm (HS256: `alg: none` and key-confusion
 * tokens are refused), the issuer and the audience, so an applicant token can
 * never be replayed as an officer token.
 */
const SESSION_JWT_ALGORITHM = "HS256";
export type SessionAudience = "pr-portal:applicant" | "pr-portal:officer" | "pr-portal:representative";

/**
 * The HMAC key, imported once per isolate and secret: jose would import raw bytes again on every
 * request, and every signed-in request verifies a token (docs/performance.md, the task list).
 */
const importedKeys = new Map<string, Promise<CryptoKey>>();
function keyFrom(secret: string): Promise<CryptoKey> {
  if (secret.length < 32) throw new Error("JWT_SECRET must be at least 32 characters");
  let key = importedKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    importedKeys.set(secret, key);
  }
  return key;
}

export async function signSessionJwt(options: {
  secret: string;
  issuer: string;
  audience: SessionAudience;
  sessionId: string;
  expiresAt: Date;
}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: SESSION_JWT_ALGORITHM, typ: "JWT" })
    .setSubject(options.sessionId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(options.expiresAt.getTime() / 1000))
    .sign(await keyFrom(options.secret));
}

/** The session id in a valid token, or null for anything tampered, expired or foreign. */
export async function verifySessionJwt(
  token: string,
  options: { secret: string; issuer: string; audience: SessionAudience },
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await keyFrom(options.secret), {
      algorithms: [SESSION_JWT_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      // Every token we sign expires; one without `exp` is not ours.
      requiredClaims: ["exp", "iat", "sub"],
    });
    return typeof payload.sub === "string" && payload.sub.length > 0 ? payload.sub : null;
  } catch {
    return null;
  }
}
