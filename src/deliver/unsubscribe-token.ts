import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Config } from "../config/index.js";
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
 * True when the edition's messages carry signed unsubscribe links (links.unsubscribe or
 * links.unsubscribeMailto is set).
 *
 * @example
 * usesUnsubscribeTokens(config); // true with links.unsubscribe = "https://…/abmelden"
 */
export function usesUnsubscribeTokens(config: Pick<Config, "links">): boolean {
  return config.links.unsubscribe !== null || config.links.unsubscribeMailto !== null;
}

/**
 * Reads the signing secret from `DIGEST_UNSUBSCRIBE_SECRET`. A real send needs it (links must
 * stay valid after the run); a preview or dry run gets a random one and says so.
 *
 * One rule for `digest send` and `digest schedule`, whatever the transport: a run that is not a
 * dry run and puts unsubscribe links in the messages is real (an .eml in the outbox is handed to
 * a mail server later, and its links must verify then).
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
 * Signs an unsubscribe token for one reader of one list:
 *
 *   token = base64url(utf8(email)) "." base64url(HMAC-SHA256(secret, "unsubscribe\n" + list + "\n" + email)[0..16])
 *
 * base64url is RFC 4648 §5 without padding; the HMAC is cut to its first 16 bytes (22
 * characters). The email is inside so the unsubscribe page needs no lookup; the HMAC over list
 * and email means nobody can make a working link for someone else's address. SECURITY.md
 * documents the format for whoever writes the unsubscribe page.
 *
 * @example
 * signUnsubscribeToken("secret-of-32-chars…", "subscribers", "anna@example.de"); // "YW5uYUBleGFtcGxlLmRl.3q2-7w…"
 */
export function signUnsubscribeToken(secret: string, list: string, email: string): string {
  const payload = Buffer.from(email, "utf8").toString("base64url");
  return `${payload}.${signature(secret, list, email).toString("base64url")}`;
}

/** Longest payload accepted: base64url of a 254-character address (RFC 5321) is 339 characters. */
const MAX_PAYLOAD_CHARS = 340;
/** The canonical shape: unpadded base64url payload, ".", 22 characters of a 16-byte MAC. */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{1,340})\.([A-Za-z0-9_-]{22})$/;

/**
 * Verifies a token made by `signUnsubscribeToken` and returns the address it stands for, or null
 * when it is malformed or forged. Only the canonical encoding is accepted: Node's base64url
 * decoder ignores trailing junk, "=" padding and the standard alphabet's "+/", so the payload
 * and the MAC are each re-encoded and must equal what was given - one address, one token. The
 * MAC is compared in constant time.
 *
 * @example
 * verifyUnsubscribeToken(secret, "subscribers", token); // "anna@example.de"
 * verifyUnsubscribeToken(secret, "subscribers", `${token}!!!`); // null
 */
export function verifyUnsubscribeToken(secret: string, list: string, token: string): string | null {
  if (typeof token !== "string" || token.length > MAX_PAYLOAD_CHARS + 23) return null;
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return null;
  const [, payload = "", mac = ""] = match;
  const bytes = Buffer.from(payload, "base64url");
  const email = bytes.toString("utf8");
  // Re-encoding catches non-zero trailing bits, and invalid UTF-8 (decoded to U+FFFD).
  if (bytes.toString("base64url") !== payload || Buffer.from(email, "utf8").toString("base64url") !== payload)
    return null;
  const given = Buffer.from(mac, "base64url");
  if (given.toString("base64url") !== mac) return null;
  const expected = signature(secret, list, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}

function signature(secret: string, list: string, email: string): Buffer {
  return createHmac("sha256", secret)
    .update(`unsubscribe\n${list}\n${email}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}
