import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { enrolAction } from "@/lib/reservations/actions";
import { childrenOfFamily } from "@/lib/reservations/access";
import { ActionForm } from "@/lib/reservations/components/ActionForm";
import { enrolmentChoices } from "@/lib/reservations/queries";
import { formatInstant } from "@/lib/reservations/rules/deadlines";
import { dayOf, longDay } from "@/lib/reservations/rules/days";

export const metadata: Metadata = { title: "Inscrire mes enfants" };

export default async function EnrolmentPage() {
  const parent = await requireParent("/espace/reservations/inscription");
  if (!parent.familyId) redirect("/espace/reservations");
  const [children, { periods }] = await Promise.all([childrenOfFamily(parent.familyId), enrolmentChoices(parent.familyId)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Inscrire mes enfants</h1>
      <p>
        L&apos;inscription vaut pour toute la période choisie. Une fois acceptée, vous réservez les jours de présence dans le calendrier de
        l&apos;activité.
      </p>
      <ActionForm action={enrolAction} className="card flex flex-col gap-5" label="Demande d'inscription">
        <fieldset className="flex flex-col gap-2">
          <legend className="field-label">Enfants à inscrire</legend>
          {children.map((child) => (
            <label key={child.id} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="enfant" value={child.id} className="h-5 w-5" />
              {child.firstName} {child.usageName}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="field-label">Activité et période</legend>
          {periods.map((period) => (
            <label key={period.id} className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
              <input type="radio" name="periode" value={period.id} className="mt-1 h-5 w-5" />
              <span>
                <span className="block font-semibold">
                  {period.activity.name} — {period.name}
                </span>
                <span className="block text-sm">
                  Du {longDay(dayOf(period.startDate))} au {longDay(dayOf(period.endDate))}, de {period.activity.minAge} à{" "}
                  {period.activity.maxAge} ans
                  {period.activity.location ? `, ${period.activity.location}` : ""}.
                </span>
                <span className="block text-sm">{period.activity.description}</span>
                <span className="block text-sm">
                  {period.activity.validation === "AUTOMATIC"
                    ? "Inscription acceptée aussitôt s'il reste de la place."
                    : "Inscription validée par nos services."}
                  {period.bookingOpensAt
                    ? ` Réservations à partir du ${formatInstant(period.bookingOpensAt)}${period.openingMode === "LOTTERY" ? `, tirage au sort entre les demandes des ${period.lotteryMinutes} premières minutes` : ""}.`
                    : ""}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary self-start">
          Demander l&apos;inscription
        </button>
      </ActionForm>
      <Link href="/espace/reservations" className="link">
        Retour aux inscriptions et réservations
      </Link>
    </div>
  );
}
