import { ActionForm } from "@/components/forms/ActionForm";
import type { FailedJob } from "@/lib/platform/jobs/failures";
import { retryJobAction } from "../actions";
import { jobLabel } from "../service";

const timeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** The failed jobs, one card each (readable at 375 px), with the error and a retry button. */
export function FailedJobsTable({ jobs }: { jobs: FailedJob[] }) {
  if (jobs.length === 0) {
    return (
      <p className="card" role="status">
        Aucune tâche en échec.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Tâches en échec">
      {jobs.map((job) => (
        <li key={job.id} className="card">
          <h2 className="section-title mb-2">{jobLabel(job.name)}</h2>
          <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Tâche</dt>
            <dd className="font-mono break-all">
              {job.name} · {job.id}
            </dd>
            <dt className="font-semibold">Données</dt>
            <dd className="font-mono break-all">{job.payload}</dd>
            <dt className="font-semibold">Créée le</dt>
            <dd>{timeFormat.format(job.createdAt)}</dd>
            <dt className="font-semibold">En échec depuis le</dt>
            <dd>{job.failedAt ? timeFormat.format(job.failedAt) : "—"}</dd>
            <dt className="font-semibold">Tentatives</dt>
            <dd>{job.attempts}</dd>
            <dt className="font-semibold">Dernière erreur</dt>
            <dd className="font-mono break-words text-red-800">{job.error}</dd>
          </dl>
          <ActionForm
            action={retryJobAction.bind(null, job.name, job.id)}
            submitLabel="Relancer cette tâche"
            submitClassName="btn-secondary self-start"
          />
        </li>
      ))}
    </ul>
  );
}
