/**
 * The account-creation wizard's forms, one zod schema per step, shared by the client form
 * (react-hook-form) and the server action, which validates again.
 */
import { z } from "zod";
import { normalizeChildKey } from "@/lib/dossier/schemas";
import { frenchDate } from "@/lib/platform/validation/date";
import { emailField } from "@/lib/platform/validation/email";
import { requiredMessage } from "@/lib/platform/validation/messages";
import { evenWithOtherErrors } from "@/lib/platform/validation/refine";
import { phoneField } from "@/lib/platform/validation/phone";
import { optionalPersonName, optionalText, personName } from "@/lib/platform/validation/text";
import { followsPasswordRule, passwordRuleText, type PasswordRule } from "./password-rule";
import { LOGIN_PATTERN } from "./wizard-fields";

export * from "./wizard-fields";

/** Step 6: nothing for the parent to type (the proof-of-work component fills a hidden input the server verifies). */
export const securitySchema = z.object({});

export const welcomeSchema = z.object({
  cgu: z.literal(true, { error: "Vous devez accepter les conditions générales d'utilisation pour poursuivre." }),
});

export const identitySchema = z.object({
  civility: z.enum(["MONSIEUR", "MADAME"], { error: requiredMessage("civilité") }),
  usageName: personName("nom usuel"),
  birthName: optionalPersonName("nom de naissance"),
  firstNames: personName("prénom(s)", { max: 100 }),
  birthDate: frenchDate("date de naissance", { required: false }),
  birthCountryCode: optionalText("pays de naissance", 5),
  birthDepartmentCode: optionalText("département de naissance", 3),
  birthCommuneCode: optionalText("commune de naissance", 5),
});

export const addressSchema = z.object({
  addressLine: optionalText("adresse complète", 200),
  streetNumber: optionalText("numéro", 10),
  building: optionalText("bâtiment", 50),
  apartment: optionalText("appartement", 50),
  addressComplement: optionalText("complément", 100),
  postalCode: z
    .string()
    .trim()
    .refine((value) => value === "" || /^\d{5}$/.test(value), "Le champ 'code postal' doit contenir 5 chiffres.")
    .transform((value) => value || undefined)
    .optional(),
  city: optionalText("ville", 100),
});

export const contactSchema = z
  .object({
    phone: phoneField("téléphone", { required: false }),
    mobile: phoneField("mobile", { required: false }),
    email: emailField("courriel"),
    preferredContact: z.enum(["EMAIL", "MOBILE", "PHONE", "SMS", "POSTAL_MAIL"], { error: requiredMessage("moyen de contact préféré") }),
  })
  .superRefine((value, ctx) => {
    if ((value.preferredContact === "MOBILE" || value.preferredContact === "SMS") && !value.mobile) {
      ctx.addIssue({ code: "custom", path: ["mobile"], message: "Renseignez votre mobile pour être contacté par mobile ou SMS." });
    }
    if (value.preferredContact === "PHONE" && !value.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Renseignez votre téléphone pour être contacté par téléphone." });
    }
  }, evenWithOtherErrors);

/** "Clé enfance": optional, 16 characters once normalised. */
const childKeyField = z
  .string()
  .trim()
  .refine(
    (value) => value === "" || normalizeChildKey(value) !== null,
    "La clé enfance saisie n'est pas valide : vérifiez chaque caractère (16 caractères, par exemple ABCD-EFGH-JKMN-PQR5).",
  )
  .transform((value) => (value === "" ? undefined : normalizeChildKey(value)!))
  .optional();

/**
 * Step 5 for a parent who came through FranceConnect: they sign in with FranceConnect, so there is no
 * identifier and no password to choose (FranceConnect's rule: no extra password), only the Clé Enfance.
 */
export const franceConnectAuthenticationSchema = z.object({ childKey: childKeyField });

/**
 * With `passwordKept`, the parent is coming back to this step after choosing a password: both
 * password fields may stay empty to keep it.
 */
export function authenticationSchema(rule: PasswordRule, { passwordKept = false }: { passwordKept?: boolean } = {}) {
  const password = z
    .string()
    .max(128, "Le champ 'mot de passe' ne peut pas dépasser 128 caractères.")
    .refine((value) => value !== "" || passwordKept, requiredMessage("mot de passe"))
    .refine((value) => value === "" || followsPasswordRule(value, rule), `${passwordRuleText(rule)}.`);
  return z
    .object({
      login: z
        .string()
        .trim()
        .toLowerCase()
        .min(1, requiredMessage("identifiant d'utilisateur"))
        .refine(
          (value) => LOGIN_PATTERN.test(value),
          "Le champ 'identifiant d'utilisateur' doit contenir de 3 à 50 caractères : lettres sans accent, chiffres, point, tiret, tiret bas ou @.",
        ),
      password,
      passwordConfirmation: z.string(),
      childKey: childKeyField,
    })
    .superRefine((value, ctx) => {
      if (value.password === "" && value.passwordConfirmation === "") return;
      if (value.passwordConfirmation === "") {
        ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: requiredMessage("confirmation du mot de passe") });
      } else if (value.password !== value.passwordConfirmation) {
        ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: "La confirmation ne correspond pas au mot de passe." });
      }
    }, evenWithOtherErrors);
}

export type IdentityInput = z.input<typeof identitySchema>;
export type AddressInput = z.input<typeof addressSchema>;
export type ContactInput = z.input<typeof contactSchema>;
