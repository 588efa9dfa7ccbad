/** "Publiée" / "Brouillon" as text (never colour alone, RGAA 3.1). */
export function PublicationBadge({ published, feminine = true }: { published: boolean; feminine?: boolean }) {
  return published ? (
    <span className="inline-block rounded-full border border-green-700 bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-900">
      {feminine ? "Publiée" : "Publié"}
    </span>
  ) : (
    <span className="inline-block rounded-full border border-slate-500 bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">
      Brouillon
    </span>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
      {children}
    </p>
  );
}
