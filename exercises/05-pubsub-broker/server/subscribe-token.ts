import { SignJWT } from 'jose';
import { type BoardChannel, type Member, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../protocol/messages';

/**
 * Signs the token with which a member may subscribe to `channels` at the broker (a JWT, HS256). The broker
 * checks it with the same secret, so it never has to ask this backend who someone is.
 */
export async function signSubscribeToken(
  member: Member,
  channels: readonly BoardChannel[],
  { secret, ttlSeconds }: { secret: string; ttlSeconds: number },
): Promise<string> {
  return new SignJWT({ name: member.name, channels: [...channels] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(member.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}
