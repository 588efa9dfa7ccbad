"use client";

import { useEffect, useRef } from "react";
import { FORM_ERROR_BANNER } from "@/lib/platform/validation/wording";

/**
 * "⚠ Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie." at the top of
 * the form, focused when it appears so keyboard and screen-reader users land on it.
 */
export function ErrorBanner({ show, focusKey, message = FORM_ERROR_BANNER }: { show: boolean; focusKey?: unknown; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, focusKey]);
  if (!show) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="mb-6 rounded-md border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
      <span aria-hidden="true">⚠ </span>
      {message}
    </div>
  );
}
