/**
 * The load scenarios of `npm run bench`, each compared with its floor: public pages with the static floor
 * (a prerendered page of a bare Next.js app), signed-in pages and server actions with the dynamic floor
 * (a page rendered per request behind a minimal nonce-CSP proxy).
 *
 * Adding a scenario is a few lines here: an entry of LOAD_SCENARIOS with its kind and the request to replay
 * (see scripts/bench/README.md). Goals follow from the kind (scripts/bench/budgets.ts).
 */
import type { FixedRequest } from "./load";
import { actionHeaders, multipartActionReply } from "./next-actions";
import type { BenchParent } from "./parents";
import type { ScenarioKind } from "./results";

export interface BenchContext {
  /** The portal's base URL (one `next start`). */
  portal: string;
  /** Signed-in parents, one per connection, each with a complete declaration draft. */
  parents: BenchParent[];
  /** Wizard drafts (cookie per connection) and the wizard's action id. */
  wizard: { cookies: string[]; actionId: string };
}

export interface LoadScenario {
  id: string;
  label: string;
  kind: ScenarioKind;
  /** The request replayed by every connection (a Cookie per connection for signed-in people). */
  request(context: BenchContext): FixedRequest;
}

const get = (path: string): FixedRequest => ({ method: "GET", path, expectStatus: 200 });

const publicPage = (id: string, label: string, path: string): LoadScenario => ({
  id,
  label: `${label} (${path})`,
  kind: "public",
  request: () => get(path),
});

const signedInPage = (id: string, label: string, path: string): LoadScenario => ({
  id,
  label: `${label} (${path})`,
  kind: "signed-in",
  request: ({ parents }) => ({ ...get(path), cookiePerConnection: parents.map((parent) => parent.cookie) }),
});

const identity: [string, string][] = [
  ["civility", "MADAME"],
  ["usageName", "DURAND"],
  ["birthName", ""],
  ["firstNames", "Claire"],
  ["birthDate", "14/02/1985"],
  ["birthCountryCode", "99100"],
  ["birthDepartmentCode", "33"],
  ["birthCommuneCode", "33096"],
];

/** The wizard's identity step, posted as the browser does; the answer carries the next step's page. */
export function identityStepRequest({ portal, wizard }: BenchContext): FixedRequest {
  const body = multipartActionReply(["identite", { status: "idle" }], identity);
  return {
    method: "POST",
    path: "/creer-mon-espace/identite",
    headers: { ...actionHeaders(portal, wizard.actionId), "content-type": body.contentType },
    body: body.body,
    cookiePerConnection: wizard.cookies,
    expectStatus: 200,
  };
}

export const LOAD_SCENARIOS: LoadScenario[] = [
  publicPage("home", "Accueil public", "/"),
  publicPage("news", "Actualités", "/actualites"),
  publicPage("services", "Services", "/services"),
  publicPage("downloads", "Documents à télécharger", "/documents-a-telecharger"),
  publicPage("legal", "Mentions légales", "/mentions-legales"),
  publicPage("privacy", "Données personnelles", "/donnees-personnelles"),
  publicPage("accessibility", "Accessibilité", "/accessibilite"),
  // A street of the demo carte scolaire split into even and odd ranges: the lookup reads the sectors per request.
  publicPage(
    "carte-scolaire",
    "Carte scolaire : écoles d'une adresse",
    `/carte-scolaire/resultat?adresse=${encodeURIComponent("44 rue Jean-Jaurès")}`,
  ),
  signedInPage("espace", "Accueil du parent", "/espace"),
  signedInPage("declaration-form", "Formulaire de déclaration", "/espace/declarer-ma-famille"),
  { id: "wizard", label: "Assistant : étape Identité (server action)", kind: "action", request: identityStepRequest },
];

/** The scenario measured again through two processes behind a local load balancer. */
export const SCALED_SCENARIO = "espace";
/** The scenarios whose server time is profiled (CPU profile, database time per request). */
export const PROFILED_SCENARIOS = ["espace", "wizard"];
