"use client";

import { useActionState } from "react";
import { submitDeclarationAction, type AttachmentState } from "@/lib/declaration/actions";

/** "Envoyer ma déclaration": the key makes a double click or a retry send it once. */
export function SubmitDeclaration({ submissionKey }: { submissionKey: string }) {
  const [state, action, pending] = useActionState<AttachmentState, FormData>(submitDeclarationAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="cle" value={submissionKey} />
      {state.status === "error" ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="btn-accent self-start" disabled={pending} aria-disabled={pending}>
        {pending ? "Envoi en cours…" : "Envoyer ma déclaration"}
      </button>
    </form>
  );
}
