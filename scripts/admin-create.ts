/**
 * `npm run admin:create -- --login prenom.nom --email prenom.nom@mairie.fr --name "Prénom NOM" [--password-file <chemin>]`
 * Creates an administrator (the first one of a production database, or one more). The password is typed in the
 * terminal (twice, not shown) or read from the first line of a file readable by the operator only; never given
 * as an argument. The second factor is set up at the first sign-in on /admin/connexion.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { db } from "../lib/platform/db";
import { createAdministratorFromTerminal } from "../lib/staff/first-administrator";

const USAGE =
  'Usage : npm run admin:create -- --login prenom.nom --email prenom.nom@mairie.fr --name "Prénom NOM" [--password-file <chemin>]';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => reader.question("", resolve));
  reader.close();
  process.stdout.write("\n");
  return answer;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg === "--password" || arg.startsWith("--password="))) {
    console.error(
      "Le mot de passe ne se donne jamais en argument (il resterait dans l'historique du terminal) : tapez-le quand il est demandé, ou utilisez --password-file.",
    );
    return 2;
  }
  const login = option(args, "login");
  const email = option(args, "email");
  const displayName = option(args, "name");
  if (!login || !email || !displayName) {
    console.error(USAGE);
    return 2;
  }
  const file = option(args, "password-file");
  let password: string;
  if (file) password = (readFileSync(file, "utf8").split(/\r?\n/)[0] ?? "").trim();
  else {
    if (!process.stdin.isTTY) {
      console.error("Pas de terminal pour taper le mot de passe : utilisez --password-file <chemin>.");
      return 2;
    }
    password = await askHidden("Mot de passe (12 caractères au moins) : ");
    if ((await askHidden("Confirmez le mot de passe : ")) !== password) {
      console.error("La confirmation ne correspond pas au mot de passe.");
      return 1;
    }
  }
  const result = await createAdministratorFromTerminal({ login, email, displayName, password });
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(
    `Administrateur ${login} créé. À la première connexion sur /admin/connexion, il enregistrera son application d'authentification.`,
  );
  return 0;
}

main()
  .then(async (code) => {
    await db().$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("La création a échoué :", error instanceof Error ? error.message : error);
    await db()
      .$disconnect()
      .catch(() => undefined);
    process.exit(1);
  });
