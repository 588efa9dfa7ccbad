"use client";

import { useActionState } from "react";
import type { ReservationState } from "../actions";

/**
 * A form bound to a reservations server action: what the server answered (the message and, for bookings, one line
 * per day) is read out in a live region above the form; what was ticked stays ticked on an error.
 */
export function ActionForm({
  action,
  children,
  className,
  encType,
  label,
}: {
  action: (previous: ReservationState, formData: FormData) => Promise<ReservationState>;
  children: React.ReactNode;
  className?: string;
  encType?: "multipart/form-data";
  label?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={dispatch} className={className} encType={encType} aria-label={label} aria-busy={pending}>
      <div role="status" aria-live="polite" className="empty:hidden">
        {state.status !== "idle" && state.message ? (
          <div
            className={`mb-4 rounded-md border-2 p-4 ${state.status === "done" ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            <p className="font-semibold">{state.message}</p>
            {state.results?.length ? (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {state.results.map((result, index) => (
                  <li key={index} className={result.ok ? "" : "font-semibold"}>
                    {result.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {state.fieldErrors
              ? Object.values(state.fieldErrors).map((error) => (
                  <p key={error} className="text-sm">
                    {error}
                  </p>
                ))
              : null}
          </div>
        ) : null}
      </div>
      {children}
      {pending ? <p className="mt-2 text-sm">Envoi en cours…</p> : null}
    </form>
  );
}
