/** The message an action came back with (?ok= or ?erreur=). */
export function Notice({ ok, erreur }: { ok?: string; erreur?: string }) {
  if (erreur)
    return (
      <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
        {erreur}
      </p>
    );
  if (ok)
    return (
      <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
        {ok}
      </p>
    );
  return null;
}
