"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { goToSummaryAction } from "@/lib/declaration/actions";

/**
 * The "Avertissement" the Carbon-Blanc guide shows when only the holder was declared. Rendered by the server (works without
 * JavaScript); with JavaScript it becomes a real modal dialog that traps focus and closes with Échap.
 */
export function SoloWarning() {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      open
      aria-labelledby="avertissement-titre"
      aria-describedby="avertissement-texte"
      className="relative z-10 mx-auto my-6 max-w-lg rounded-lg border-2 border-accent bg-white p-6 shadow-xl backdrop:bg-slate-900/50"
      onCancel={() => router.push("/espace/declarer-ma-famille")}
    >
      <h2 id="avertissement-titre" className="mb-3 text-xl font-bold text-slate-900">
        Avertissement
      </h2>
      <div id="avertissement-texte">
        <p className="mb-3">
          Vous avez demandé la déclaration de votre entourage uniquement pour votre personne. Vous avez la possibilité dans la même demande
          d&apos;ajouter d&apos;autres personnes (co-représentant, membres, contacts).
        </p>
        <p className="mb-5 font-semibold">Etes-vous sûr de vouloir continuer uniquement avec votre personne ?</p>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:justify-end">
        <Link href="/espace/declarer-ma-famille" className="btn-accent">
          Non
        </Link>
        <form action={goToSummaryAction}>
          <input type="hidden" name="seul" value="oui" />
          <button type="submit" className="btn-primary w-full" autoFocus>
            Oui
          </button>
        </form>
      </div>
    </dialog>
  );
}
