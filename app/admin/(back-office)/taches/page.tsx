import type { Metadata } from "next";
import { FailedJobsTable } from "@/lib/jobs-admin/components/FailedJobsTable";
import { failedJobsFor } from "@/lib/jobs-admin/service";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Tâches en échec" };
export const dynamic = "force-dynamic";

/** Administrators only: the proxy lets staff in, staffCaller and every action check the role. */
export default async function FailedJobsPage() {
  const jobs = await failedJobsFor(await staffCaller("ADMINISTRATOR"));
  return (
    <>
      <h1 className="page-title mb-2">Tâches en échec</h1>
      <p className="mb-6 text-slate-700">
        Les tâches de fond (envoi des courriels, purge nocturne…) sont relancées automatiquement avec une attente croissante. Celles qui ont
        échoué à chaque tentative apparaissent ici, avec leur dernière erreur, et sont inscrites au journal d&apos;audit. Une fois la cause
        corrigée (par exemple le service d&apos;envoi de courriels rétabli), relancez-les : chaque tâche peut s&apos;exécuter plusieurs fois
        sans effet en double.
      </p>
      <FailedJobsTable jobs={jobs} />
    </>
  );
}
