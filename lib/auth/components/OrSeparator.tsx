export function OrSeparator() {
  return (
    <p className="my-4 flex items-center gap-3 text-sm font-semibold uppercase text-slate-600">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300" />
      ou
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300" />
    </p>
  );
}
