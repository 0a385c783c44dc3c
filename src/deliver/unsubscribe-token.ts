import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { DigestError } from "../errors.js";

/** Environment variable holding the signing secret. */
export const UNSUBSCRIBE_SECRET_ENV = "DIGEST_UNSUBSCRIBE_SECRET";
/** A shorter secret is guessable; 16 characters is the floor. */
export const MIN_SECRET_CHARS = 16;
/** 128 bits of HMAC-SHA256 are kept: plenty against forgery, short enough for a link. */
const SIGNATURE_BYTES = 16;

/** The secret that signs unsubscribe tokens, and whether it is a throw-away one. */
export interface UnsubscribeSecret {
  value: string;
  /** True when no secret was configured and a random one was made for a preview or dry run. */
  ephemeral: boolean;
}

/**
 * Reads the signing secret from `DIGEST_UNSUBSCRIBE_SECRET`. A real send needs it (links must
 * stay valid after the run); a preview or dry run gets a random one and says so.
 *
 * @throws DigestError E_CONFIG when sending for real without a usable secret.
 * @example
 * const secret = resolveUnsubscribeSecret(process.env, { real: true });
 */
export function resolveUnsubscribeSecret(
  env: NodeJS.ProcessEnv,
  options: { real: boolean },
): UnsubscribeSecret {
  const value = env[UNSUBSCRIBE_SECRET_ENV];
  if (value !== undefined && value !== "") {
    if (value.length < MIN_SECRET_CHARS) {
      throw new DigestError(
        "E_CONFIG",
        `${UNSUBSCRIBE_SECRET_ENV} is too short (${value.length} characters) - use at least ${MIN_SECRET_CHARS} random characters, e.g. from 'openssl rand -hex 32'`,
        { where: UNSUBSCRIBE_SECRET_ENV },
      );
    }
    return { value, ephemeral: false };
  }
  if (options.real) {
    throw new DigestError(
      "E_CONFIG",
      `cannot sign unsubscribe links - ${UNSUBSCRIBE_SECRET_ENV} is not set. Set it to a long random value (e.g. 'export ${UNSUBSCRIBE_SECRET_ENV}=$(openssl rand -hex 32)') and keep it: the unsubscribe page verifies links with it`,
      { where: UNSUBSCRIBE_SECRET_ENV },
    );
  }
  return { value: randomBytes(32).toString("hex"), ephemeral: true };
}

/**
 * Signs an unsubscribe token for one reader of one list: `base64url(email).base64url(hmac)`.
 * The email is inside so the unsubscribe page needs no lookup; the HMAC over list and email
 * means nobody can make a working link for someone else's address.
 *
 * @example
 * signUnsubscribeToken("secret-of-32-chars…", "subscribers", "anna@example.de"); // "YW5uYUBleGFtcGxlLmRl.3q2-7w…"
 */
export function signUnsubscribeToken(secret: string, list: string, email: string): string {
  const payload = Buffer.from(email, "utf8").toString("base64url");
  return `${payload}.${signature(secret, list, email).toString("base64url")}`;
}

/**
 * Verifies a token made by `signUnsubscribeToken` and returns the address it stands for, or null
 * when it is malformed or forged. For the unsubscribe endpoint.
 *
 * @example
 * verifyUnsubscribeToken(secret, "subscribers", token); // "anna@example.de"
 */
export function verifyUnsubscribeToken(secret: string, list: string, token: string): string | null {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const email = Buffer.from(payload, "base64url").toString("utf8");
  const expected = signature(secret, list, email);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}

function signature(secret: string, list: string, email: string): Buffer {
  return createHmac("sha256", secret)
    .update(`unsubscribe\n${list}\n${email}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}
