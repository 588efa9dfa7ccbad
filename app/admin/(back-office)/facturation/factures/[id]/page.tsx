import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormSelect, FormText } from "@/components/forms/ActionForm";
import { counterPaymentAction, creditNoteAction, refundAction } from "@/lib/billing/admin-actions";
import { InvoiceLines } from "@/lib/billing/components/InvoiceLines";
import { monthLabel } from "@/lib/billing/config";
import { remainingCents } from "@/lib/billing/invoices";
import { getInvoiceForStaff } from "@/lib/billing/journal";
import { INVOICE_STATUS_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS, shortDay } from "@/lib/billing/labels";
import { formatEuros } from "@/lib/billing/money";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Facture" };

const METHODS = [
  { value: "CASH", label: "Espèces" },
  { value: "CHEQUE", label: "Chèque" },
  { value: "CESU", label: "CESU" },
  { value: "TRANSFER", label: "Virement" },
];

export default async function StaffInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const invoice = await getInvoiceForStaff(await staffCaller(), (await params).id);
  if (!invoice || invoice.status === "DRAFT") notFound();
  const remaining = remainingCents(invoice);
  const holder = invoice.family.members[0];
  const creditNotes = invoice.corrections.filter(
    (correction) => correction.kind === "CREDIT_NOTE" && correction.refundableCents > correction.refundedCents,
  );
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/facturation" className="link">
          Retour à la facturation
        </Link>
      </p>
      <h1 className="page-title">
        {invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} {invoice.number}
      </h1>
      <section aria-labelledby="resume" className="card">
        <h2 id="resume" className="section-title mb-2">
          {invoice.family.dossierNumber} · {holder ? `${holder.firstName} ${holder.usageName.toUpperCase()}` : ""} ·{" "}
          {monthLabel(invoice.period)}
        </h2>
        <p>
          {formatEuros(invoice.amountCents)} · {INVOICE_STATUS_LABELS[invoice.status]} · payé {formatEuros(invoice.paidCents)} · avoirs{" "}
          {formatEuros(invoice.creditedCents)} · reste {formatEuros(remaining)} · échéance {shortDay(invoice.dueDate)}
        </p>
        {invoice.corrects ? (
          <p>
            Corrige{" "}
            <Link className="link" href={`/admin/facturation/factures/${invoice.corrects.id}`}>
              {invoice.corrects.number}
            </Link>
            {invoice.correctionReason ? ` : ${invoice.correctionReason}` : ""}
          </p>
        ) : null}
        {invoice.corrections.length > 0 ? (
          <ul className="mt-2">
            {invoice.corrections.map((correction) => (
              <li key={correction.id}>
                <Link className="link" href={`/admin/facturation/factures/${correction.id}`}>
                  {correction.kind === "CREDIT_NOTE" ? "Avoir" : "Facture rectificative"} {correction.number}
                </Link>{" "}
                · {formatEuros(correction.amountCents)}
                {correction.refundableCents > 0
                  ? ` · à rembourser ${formatEuros(correction.refundableCents - correction.refundedCents)}`
                  : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="lignes" className="card">
        <h2 id="lignes" className="section-title mb-3">
          Lignes
        </h2>
        <InvoiceLines lines={invoice.lines.filter((line) => !line.excluded)} />
      </section>
      <section aria-labelledby="paiements" className="card">
        <h2 id="paiements" className="section-title mb-3">
          Paiements
        </h2>
        {invoice.payments.length === 0 ? <p>Aucun paiement.</p> : null}
        <ul className="mb-4 flex flex-col gap-1">
          {invoice.payments.map((payment) => (
            <li key={payment.id}>
              {shortDay(payment.settledAt ?? payment.createdAt)} · {PAYMENT_METHOD_LABELS[payment.method]} ·{" "}
              {formatEuros(payment.amountCents)} · {PAYMENT_STATUS_LABELS[payment.status]}
              {payment.note ? ` · ${payment.note}` : ""}
            </li>
          ))}
        </ul>
        {invoice.kind === "INVOICE" && invoice.status === "ISSUED" ? (
          <ActionForm action={counterPaymentAction} submitLabel="Enregistrer le paiement">
            <input type="hidden" name="invoice" value={invoice.id} />
            <FormSelect name="method" label="Mode de paiement" options={METHODS} />
            <FormText
              name="amount"
              label="Montant (en euros)"
              defaultValue={(remaining / 100).toFixed(2).replace(".", ",")}
              inputMode="decimal"
              required
            />
            <FormText name="reference" label="Référence (n° de chèque, de virement…)" />
          </ActionForm>
        ) : null}
      </section>
      {invoice.kind === "INVOICE" ? (
        <section aria-labelledby="correction" className="card">
          <h2 id="correction" className="section-title mb-3">
            Corriger (avoir ou facture rectificative)
          </h2>
          <ActionForm action={creditNoteAction} submitLabel="Émettre">
            <input type="hidden" name="invoice" value={invoice.id} />
            <FormSelect
              name="kind"
              label="Document"
              options={[
                { value: "credit", label: "Avoir (montant facturé en trop)" },
                { value: "corrective", label: "Facture rectificative (montant oublié)" },
              ]}
            />
            <FormText name="amount" label="Montant (en euros)" inputMode="decimal" required />
            <FormText name="reason" label="Motif (imprimé sur le document)" required />
          </ActionForm>
        </section>
      ) : null}
      {creditNotes.map((note) => (
        <section key={note.id} aria-labelledby={`remboursement-${note.id}`} className="card">
          <h2 id={`remboursement-${note.id}`} className="section-title mb-3">
            Rembourser l&apos;avoir {note.number}
          </h2>
          <ActionForm action={refundAction} submitLabel="Enregistrer le remboursement">
            <input type="hidden" name="invoice" value={invoice.id} />
            <input type="hidden" name="creditNote" value={note.id} />
            <FormSelect name="method" label="Mode de remboursement" options={METHODS} />
            <FormText
              name="amount"
              label="Montant (en euros)"
              defaultValue={((note.refundableCents - note.refundedCents) / 100).toFixed(2).replace(".", ",")}
              inputMode="decimal"
              required
            />
            <FormText name="reference" label="Référence" />
          </ActionForm>
        </section>
      ))}
    </div>
  );
}
