import { errors, jwtVerify } from 'jose';
import { type Member, type SubscribeClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../protocol/messages';
import { isChannelName } from './channel-name';

export type TokenResult =
  | { ok: true; member: Member; channels: ReadonlySet<string> }
  | { ok: false; error: string };

/**
 * Checks a subscribe token that the app backend signed (a JWT, HS256, with the shared secret): signature,
 * expiry, issuer and audience by jose, then the claims we rely on. Never throws: a bad token is the
 * client's problem, and the answer says which.
 */
export async function verifySubscribeToken(token: string, secret: Uint8Array): Promise<TokenResult> {
  try {
    const { payload } = await jwtVerify<Partial<SubscribeClaims>>(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      // A token without an expiry would be valid forever: we only take short-lived ones.
      requiredClaims: ['exp', 'sub'],
    });
    const { sub, name, channels } = payload;
    if (typeof sub !== 'string' || typeof name !== 'string' || !Array.isArray(channels)) {
      return { ok: false, error: 'The token lacks sub, name or channels.' };
    }
    if (!channels.every(isChannelName)) return { ok: false, error: 'The token names an invalid channel.' };
    return { ok: true, member: { id: sub, name }, channels: new Set(channels) };
  } catch (error) {
    return { ok: false, error: explain(error) };
  }
}

/** The secret as jose wants it, from the text both sides share (SUBSCRIBE_TOKEN_SECRET). */
export function secretKey(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired; ask the app for a fresh one.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token is not for this broker (${error.claim}).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  return 'The token is not a valid subscribe token.';
}
