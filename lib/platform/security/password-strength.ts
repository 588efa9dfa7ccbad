import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";

/**
 * zxcvbn with the common-password lists and the French dictionary, on the server only
 * (its dictionaries weigh hundreds of kilobytes: never shipped to a phone).
 * Built once per process (~150 ms), then ~5-60 ms per check.
 */
let factory: ZxcvbnFactory | undefined;

function zxcvbn() {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...fr.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

export interface PasswordAssessment {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  tooEasy: boolean;
}

/** Passwords that a list of common passwords, names and dates guesses in under a million tries are refused. */
export function assessPassword(password: string, context: string[] = []): PasswordAssessment {
  const result = zxcvbn().check(password.slice(0, 128), context.filter(Boolean));
  const score = result.score as PasswordAssessment["score"];
  return { score, tooEasy: score <= 1 };
}

export const TOO_EASY_PASSWORD_MESSAGE =
  "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple plusieurs mots séparés par des tirets.";
