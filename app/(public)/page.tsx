import { PlainLink } from "@/components/layout/PlainLink";
import { redirect } from "next/navigation";
import { SignInBox } from "@/lib/auth/components/SignInBox";
import { currentParent } from "@/lib/auth/session";
import { NewsList } from "@/lib/content/components/NewsList";
import { publishedNews } from "@/lib/content/public-cache";
import { town } from "@/lib/platform/town";

// Staff edit what this page shows (database): rendered per request, never baked into the build.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  // A signed-in parent who opens the portal's address (or clicks the logo) goes to their home, not to a sign-in form.
  if (await currentParent()) redirect("/espace");
  const { welcome, name } = town();
  const news = await publishedNews(4);
  return (
    <div className="grid gap-8 lg:grid-cols-[22rem_1fr]">
      <h1 className="sr-only">Espace Famille – {name}</h1>
      <div className="flex flex-col gap-6">
        <SignInBox />
        <section aria-labelledby="creer-titre" className="card">
          <h2 id="creer-titre" className="section-title mb-3">
            Je n&apos;ai pas d&apos;espace
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            Créez votre compte sur l&apos;Espace Famille de la {name.replace(/^Ville/, "ville")}, portail conçu pour vous faciliter la vie
            dans vos démarches quotidiennes liées à l&apos;Enfance.
          </p>
          <PlainLink href="/creer-mon-espace" className="btn-accent">
            Créer mon espace
          </PlainLink>
        </section>
      </div>
      <div className="flex flex-col gap-8">
        <section aria-labelledby="bienvenue-titre" className="card">
          <h2 id="bienvenue-titre" className="page-title mb-4">
            Bienvenue sur votre Espace <span className="uppercase">Famille</span>
          </h2>
          <p className="mb-3">{welcome.intro}</p>
          <p className="mb-2">Cet espace vous permet d&apos;effectuer les démarches suivantes :</p>
          <ul className="mb-3 list-disc space-y-1 pl-6">
            {welcome.demarches.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="mb-3">{welcome.outro}</p>
          <p>
            Vous pouvez également consulter le{" "}
            <PlainLink href="/documents-a-telecharger" className="link">
              mini-guide de l&apos;espace famille
            </PlainLink>
            , et trouver les écoles de votre adresse sur la{" "}
            <PlainLink href="/carte-scolaire" className="link">
              carte scolaire
            </PlainLink>
            .
          </p>
        </section>
        <section aria-labelledby="actualites-titre">
          <h2 id="actualites-titre" className="section-title mb-4">
            Actualités
          </h2>
          <NewsList items={news} />
          <p className="mt-4">
            <PlainLink href="/actualites" className="btn-secondary">
              Voir toutes les actualités
            </PlainLink>
          </p>
        </section>
      </div>
    </div>
  );
}
