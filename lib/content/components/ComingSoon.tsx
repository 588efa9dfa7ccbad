import { PlainLink } from "@/components/layout/PlainLink";

/** A page whose feature is not built yet says so plainly instead of linking to nothing. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">{title}</h1>
      <p className="mb-6">{children}</p>
      <PlainLink href="/" className="btn-primary">
        Retour à l&apos;accueil
      </PlainLink>
    </div>
  );
}
