"use client";

import type { FormEvent, ReactNode } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { WizardButtons } from "./WizardButtons";

/** The <form> of a wizard step: error banner on top, fields, then ANNULER / PRÉCÉDENT / SUIVANT. */
export function StepForm({
  wizard,
  first,
  last,
  children,
}: {
  wizard: {
    formAction: (formData: FormData) => void;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    onFocus: () => void;
    pending: boolean;
    showBanner: boolean;
    bannerKey: string;
  };
  first?: boolean;
  last?: boolean;
  children: ReactNode;
}) {
  return (
    <form action={wizard.formAction} onSubmit={wizard.onSubmit} onFocus={wizard.onFocus} noValidate>
      <ErrorBanner show={wizard.showBanner} focusKey={wizard.bannerKey} />
      <p className="mb-4 text-sm text-slate-700">
        Les champs marqués d&apos;un <span aria-hidden="true">*</span>
        <span className="sr-only">astérisque</span> sont obligatoires.
      </p>
      <div className="flex flex-col gap-5">{children}</div>
      <WizardButtons first={first} last={last} pending={wizard.pending} />
    </form>
  );
}
