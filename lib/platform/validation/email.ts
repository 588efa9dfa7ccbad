import { z } from "zod";
import { requiredMessage } from "./messages";

const formatMessage = (label: string) => `Le champ '${label}' doit être une adresse électronique valide (exemple : nom@domaine.fr).`;
const base = (label: string) =>
  z
    .string({ error: requiredMessage(label) })
    .trim()
    .toLowerCase()
    .max(254, `Le champ '${label}' est trop long.`);

export function emailField(label = "courriel") {
  return base(label)
    .min(1, requiredMessage(label))
    .pipe(z.email({ error: formatMessage(label) }));
}

export function optionalEmailField(label = "courriel") {
  return base(label)
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.email({ error: formatMessage(label) }).optional());
}
