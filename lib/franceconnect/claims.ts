import "server-only";
import { z } from "zod";
import { communeDepartement } from "@/lib/platform/referentiel";
import { FRANCE_COUNTRY_CODE, isCommuneCode, isCountryCode, normalizeCode } from "@/lib/platform/referentiel/codes";
import { formatIsoAsFrench, parseFrenchDate } from "@/lib/platform/validation/date";

/**
 * FranceConnect's identity claims (from the verified userinfo JWT) and what the account wizard makes of
 * them: the "Identité" step's fields, filled and locked, since FranceConnect is the authority on them.
 */
const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  given_name: z.string().trim().min(1).max(200),
  family_name: z.string().trim().min(1).max(200),
  preferred_username: z.string().trim().max(200).optional(),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gender: z.enum(["male", "female"]),
  birthplace: z.string().trim().max(5).optional(),
  birthcountry: z.string().trim().max(5).optional(),
  email: z.string().trim().max(254).optional(),
});

export type FranceConnectClaims = z.infer<typeof claimsSchema>;

/** The wizard's "Identité" values, as the form would have posted them. */
export interface LockedIdentity {
  civility: "MONSIEUR" | "MADAME";
  usageName: string;
  birthName: string;
  firstNames: string;
  birthDate: string;
  birthCountryCode: string;
  birthDepartmentCode: string;
  birthCommuneCode: string;
  [field: string]: string;
}

/** What the signup draft keeps from FranceConnect (SignupDraft.franceConnect). */
export interface FranceConnectDraft {
  sub: string;
  identity: LockedIdentity;
  /** The address FranceConnect gave, if any: kept as is, it needs no activation mail. */
  email: string | null;
  /** Kept for the logout redirect (id_token_hint), never shown. */
  idToken: string;
  receivedAt: string;
}

export function parseClaims(claims: unknown): FranceConnectClaims | null {
  const parsed = claimsSchema.safeParse(claims);
  return parsed.success ? parsed.data : null;
}

/**
 * FranceConnect gives the birth name (family_name) and, when the person uses another one, the usage name
 * (preferred_username); first names come space-separated. A birth abroad has an empty birthplace.
 */
export function identityFromClaims(claims: FranceConnectClaims): LockedIdentity {
  const country = normalizeCode(claims.birthcountry);
  const commune = normalizeCode(claims.birthplace);
  const bornInFrance = country === FRANCE_COUNTRY_CODE && isCommuneCode(commune);
  const birthDateIso = parseFrenchDate(claims.birthdate.split("-").reverse().join("/"));
  return {
    civility: claims.gender === "female" ? "MADAME" : "MONSIEUR",
    usageName: claims.preferred_username || claims.family_name,
    birthName: claims.family_name,
    firstNames: claims.given_name.replace(/\s+/g, " "),
    // FranceConnect sends "0000"-style parts for an unknown day or month: such a date stays empty.
    birthDate: birthDateIso ? formatIsoAsFrench(birthDateIso) : "",
    birthCountryCode: isCountryCode(country) ? country : "",
    birthDepartmentCode: bornInFrance ? (communeDepartement(commune) ?? "") : "",
    birthCommuneCode: bornInFrance ? commune : "",
  };
}

/** A shape the email field accepts; FranceConnect's email is not guaranteed to be one. */
export function usableEmail(email: string | undefined): string | null {
  const value = email?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}
