// What every stored format parses to, and what a token endpoint's answer is normalised to.
import type { InstantStyle } from '../instant.js';

export type Format = 'claude-code' | 'codex' | 'generic' | 'refresh-token';

export type Json = Record<string, unknown>;

export interface Credentials {
  format: Format;
  accessToken?: string;
  refreshToken: string;
  /** Access-token expiry, epoch ms; undefined when unknown (treated as expired). */
  expiresAt?: number;
  scopes?: string[];
  idToken?: string;
  /** The parsed document, kept whole for the write-back. */
  doc: Json;
  /** Generic format only: how expiry was written. */
  expiryStyle?: { field: 'expires_at' | 'obtained_at'; style: InstantStyle };
}

/** What a token endpoint returned, normalised. */
export interface TokenSet {
  /**
   * Absent: the provider answered 200 with a new refresh token but no usable access token.
   * The credentials then keep the new refresh token and hold no access token (expiry unknown),
   * so the rotation can still be stored and the next run refreshes.
   */
  accessToken?: string;
  /** Absent: the provider kept the old refresh token alive. */
  refreshToken?: string;
  expiresInSeconds?: number;
  /** How long the refresh token itself lives, when the provider says (`refresh_token_expires_in`). */
  refreshExpiresInSeconds?: number;
  /** Absolute expiry, epoch ms, when known that way (a token another job obtained). */
  expiresAt?: number;
  scope?: string;
  idToken?: string;
}

/** The tokens after a refresh, as every format's write-back takes them. */
export interface Applied {
  accessToken?: string;
  refreshToken: string;
  expiresAt?: number;
  scopes?: string[];
  idToken?: string;
}
