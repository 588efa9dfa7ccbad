"use client";

import type { FormEvent, ReactNode } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";

/** The form beside the panel: banner, fields, then "Ajouter à mon entourage" and "Effacer". */
export function PersonFormFrame({
  title,
  wizard,
  onClear,
  children,
}: {
  title: string;
  wizard: {
    formAction: (formData: FormData) => void;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    onFocus: () => void;
    pending: boolean;
    showBanner: boolean;
    bannerKey: string;
    errorOf: (name: string) => string | undefined;
  };
  onClear: () => void;
  children: ReactNode;
}) {
  const formError = wizard.errorOf("form");
  return (
    <form action={wizard.formAction} onSubmit={wizard.onSubmit} onFocus={wizard.onFocus} noValidate aria-labelledby="personne-titre">
      <ErrorBanner show={wizard.showBanner} focusKey={wizard.bannerKey} />
      {formError ? (
        <p role="alert" className="mb-4 rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      <h2 id="personne-titre" className="section-title mb-4">
        {title}
      </h2>
      <div className="flex flex-col gap-4">{children}</div>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <button type="submit" className="btn-primary" disabled={wizard.pending}>
          Ajouter à mon entourage
        </button>
        <button type="button" className="btn-secondary" onClick={onClear}>
          Effacer
        </button>
      </div>
    </form>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="mt-2 border-b border-slate-200 pb-1 text-sm font-bold uppercase tracking-wide text-slate-700">{children}</h3>;
}
