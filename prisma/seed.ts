/**
 * Demo data, idempotent: running it twice leaves one copy of everything.
 * Refuses to run in production, and on a database that holds real accounts and was never a demo database
 * (`npm run dev` pointed at a production database would otherwise create admin.demo with its published password).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/platform/security/password";
import { demoAdmin, demoAgent, demoParent } from "../lib/platform/demo/accounts";
import { simplePdf } from "../lib/platform/pdf/simple-document";
import { carbonBlanc } from "../lib/platform/town/towns/carbon-blanc";
import { localFileStore } from "../lib/platform/storage/local";
import { deriveKeyFromSecret } from "../lib/platform/security/keys";
import { seal, unseal } from "../lib/platform/security/sealed";
import { TOTP_SECRET_KEY_PURPOSE } from "../lib/auth/totp-secret";
import { seedDemoDeclaration } from "./seed-declaration";
import { seedDemoReservations } from "./seed-reservations";
import { seedDemoCarteScolaire } from "./seed-school";
import { seedDemoBilling } from "./seed-billing";

const news = [
  {
    slug: "application-mobile",
    title: "Application mobile",
    summary: "Si vous ne l'avez pas encore fait, il est encore temps de télécharger l'application mobile de l'Espace Famille.",
    body: "APPLICATION MOBILE\n\nSi vous ne l'avez pas encore fait, il est encore temps de télécharger l'application mobile : vos réservations et vos factures vous suivent partout.",
    daysAgo: 3,
  },
  {
    slug: "carte-scolaire",
    title: "Carte scolaire",
    summary: "Pour connaître les écoles dont vous dépendez, précisez votre adresse sur la carte scolaire.",
    body: "Pour connaître les écoles dont vous dépendez, ouvrez la page « Carte scolaire » (menu Services, ou /carte-scolaire) et tapez votre adresse : l'école maternelle et l'école élémentaire de votre secteur s'affichent avec leurs coordonnées.\n\nLes inscriptions scolaires pour la rentrée se font ensuite depuis votre Espace Famille, rubrique « Inscription scolaire ». Le service Enfance – Éducation répond à vos questions.",
    daysAgo: 10,
  },
  {
    slug: "inscriptions-alsh-vacances-hiver",
    title: "Inscriptions ALSH des vacances d'hiver",
    summary: "Les inscriptions à l'accueil de loisirs pour les vacances d'hiver ouvrent le lundi 5 janvier à 8 h 30.",
    body: "Les inscriptions à l'accueil de loisirs (ALSH) pour les vacances d'hiver ouvrent le lundi 5 janvier à 8 h 30 sur l'Espace Famille.\n\nPensez à vérifier que votre famille est déclarée et validée avant cette date.",
    daysAgo: 20,
  },
];

const publicDocuments = [
  {
    title: "Mini-guide de l'Espace Famille",
    description: "Pas à pas : créer mon compte personnel, puis déclarer ma famille.",
    fileName: "mini-guide-espace-famille.pdf",
    paragraphs: [
      "1. Sur la page d'accueil, cliquez sur « Créer mon espace », ou identifiez-vous avec FranceConnect.",
      "2. Renseignez votre identité, votre adresse, vos moyens de contact, puis choisissez votre identifiant et votre mot de passe.",
      "3. Ouvrez le courriel reçu et cliquez sur le lien pour activer votre compte.",
      "4. Cliquez sur « Déclarer ma famille » : créez tous les membres de votre famille, en commençant par vous, puis joignez les pièces demandées.",
      "5. Dès que votre demande sera validée par les services, vous verrez apparaître sur votre page d'accueil tous les éléments relatifs à votre famille.",
    ],
  },
  {
    title: "Règlement intérieur des accueils périscolaires",
    description: "Horaires, inscriptions, tarifs et règles de vie des accueils du matin et du soir.",
    fileName: "reglement-periscolaire.pdf",
    paragraphs: [
      "Les accueils périscolaires sont ouverts les jours d'école, de 7 h 30 à 8 h 30 et de 16 h 30 à 18 h 30.",
      "L'inscription se fait sur l'Espace Famille, une fois la famille déclarée et validée.",
    ],
  },
];

/**
 * The demo staff accounts' fixed TOTP secrets (development and tests only), sealed with the server's key.
 * Without the server's AUTH_SECRET they are left alone (the sign-in then asks to enrol a new app).
 */
async function seedDemoTotp(prisma: PrismaClient, authSecret: string | undefined) {
  if (!authSecret) return;
  const key = deriveKeyFromSecret(authSecret, TOTP_SECRET_KEY_PURPOSE);
  for (const demo of [demoAdmin, demoAgent]) {
    const staff = await prisma.staffUser.findUnique({
      where: { login: demo.login },
      select: { id: true, totpSecret: true, totpEnabledAt: true },
    });
    if (!staff) continue;
    if (staff.totpEnabledAt && staff.totpSecret && unseal(key, staff.totpSecret) === demo.totpSecret) continue;
    await prisma.staffUser.update({
      where: { id: staff.id },
      data: { totpSecret: seal(key, demo.totpSecret), totpEnabledAt: new Date(), totpLastStep: null },
    });
  }
}

export class RealDatabaseError extends Error {
  override name = "RealDatabaseError";
}

/** Accounts exist, and the demo administrator does not: this is someone's real database. */
async function holdsRealAccounts(prisma: PrismaClient): Promise<boolean> {
  if (await prisma.staffUser.count({ where: { login: demoAdmin.login } })) return false;
  const [staff, accounts] = await Promise.all([prisma.staffUser.count(), prisma.account.count()]);
  return staff + accounts > 0;
}

/**
 * `throwawayDatabase`: the test and benchmark runners' own databases, created for the run (other tests may have
 * written accounts there first).
 */
export default async function seed(
  databaseUrl: string,
  {
    fileStorageDir = ".data/files",
    authSecret = process.env.AUTH_SECRET,
    throwawayDatabase = false,
  }: { fileStorageDir?: string; authSecret?: string; throwawayDatabase?: boolean } = {},
) {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Les données de démonstration ne sont jamais chargées en production.");
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    if (!throwawayDatabase && (await holdsRealAccounts(prisma))) {
      throw new RealDatabaseError(
        "Cette base contient déjà des comptes et n'est pas une base de démonstration : les données de démonstration n'y sont pas chargées. Lancez le portail avec DEMO_DATA=false, ou utilisez une base de développement.",
      );
    }
    const now = new Date();
    await prisma.staffUser.upsert({
      where: { login: demoAdmin.login },
      update: {},
      create: {
        login: demoAdmin.login,
        email: demoAdmin.email,
        displayName: demoAdmin.displayName,
        role: "ADMINISTRATOR",
        passwordHash: await hashPassword(demoAdmin.password),
      },
    });
    await prisma.staffUser.upsert({
      where: { login: demoAgent.login },
      update: {},
      create: {
        login: demoAgent.login,
        email: demoAgent.email,
        displayName: demoAgent.displayName,
        role: "AGENT",
        // The demo agent runs the kitchen's PAI list: granted the health data access (the administrator is not).
        healthDataAccess: true,
        passwordHash: await hashPassword(demoAgent.password),
      },
    });
    await seedDemoTotp(prisma, authSecret);
    await prisma.account.upsert({
      where: { login: demoParent.login },
      update: {},
      create: {
        login: demoParent.login,
        email: demoParent.email,
        emailVerifiedAt: now,
        passwordHash: await hashPassword(demoParent.password),
        status: "ACTIVE",
        activatedAt: now,
        civility: demoParent.civility,
        usageName: demoParent.usageName,
        firstNames: demoParent.firstNames,
        birthDate: new Date("1979-04-29"),
        birthCountryCode: "99100",
        addressLine: "1 Avenue André Vignau Anglade 33560 Carbon-Blanc",
        streetNumber: "1",
        postalCode: "33560",
        city: "Carbon-Blanc",
        mobile: "+33612345678",
        cguAcceptedAt: now,
        cguVersion: carbonBlanc.legal.cguVersion,
      },
    });
    for (const item of news) {
      await prisma.newsItem.upsert({
        where: { slug: item.slug },
        update: {},
        create: {
          slug: item.slug,
          title: item.title,
          summary: item.summary,
          body: item.body,
          publishedAt: new Date(now.getTime() - item.daysAgo * 86_400_000),
        },
      });
    }
    const store = localFileStore(fileStorageDir);
    for (const [position, document] of publicDocuments.entries()) {
      const existing = await prisma.publicDocument.findFirst({ where: { fileName: document.fileName } });
      if (existing && (await store.get(existing.storageKey))) continue;
      const bytes = await simplePdf({ title: document.title, paragraphs: document.paragraphs, author: carbonBlanc.name });
      const storageKey = await store.put({ bytes, mediaType: "application/pdf", fileName: document.fileName });
      const data = {
        title: document.title,
        description: document.description,
        fileName: document.fileName,
        provider: "LOCAL" as const,
        storageKey,
        mediaType: "application/pdf",
        size: bytes.byteLength,
        position,
        publishedAt: now,
      };
      if (existing) await prisma.publicDocument.update({ where: { id: existing.id }, data });
      else await prisma.publicDocument.create({ data });
    }
    await seedDemoCarteScolaire(prisma);
    await seedDemoDeclaration(prisma, store, await hashPassword(demoParent.password), carbonBlanc.legal.cguVersion);
    await seedDemoReservations(prisma, await hashPassword(demoParent.password), carbonBlanc.legal.cguVersion);
    await seedDemoBilling(prisma, await hashPassword(demoParent.password), carbonBlanc.legal.cguVersion);
  } finally {
    await prisma.$disconnect();
  }
}
