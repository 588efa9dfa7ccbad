/**
 * The official FranceConnect button (State design system, "connect" component): two spans,
 * "S'identifier avec" / "FranceConnect", and the "Qu'est-ce que FranceConnect ?" link under it,
 * opening a new window with the required title. The texts may be translated, never reworded.
 */
export function FranceConnectButton({
  action,
  fields = {},
}: {
  action: (formData: FormData) => void | Promise<void>;
  /** Hidden inputs posted with the button (where to go after signing in). */
  fields?: Record<string, string>;
}) {
  return (
    <div className="flex flex-col items-start gap-2">
      <form action={action}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button
          type="submit"
          className="inline-flex min-h-14 items-center gap-3 rounded-none bg-[#000091] px-4 py-2 text-left text-white hover:bg-[#1212ff]"
        >
          <FranceConnectLogo />
          <span className="flex flex-col leading-tight">
            <span className="text-sm">S&apos;identifier avec</span>
            <span className="text-lg font-bold">FranceConnect</span>
          </span>
        </button>
      </form>
      <p className="text-sm">
        <a
          href="https://franceconnect.gouv.fr/"
          target="_blank"
          rel="noopener"
          title="Qu'est-ce que FranceConnect ? - nouvelle fenêtre"
          className="link"
        >
          Qu&apos;est-ce que FranceConnect ?
        </a>
      </p>
    </div>
  );
}

function FranceConnectLogo() {
  return (
    <svg aria-hidden="true" focusable="false" width="36" height="40" viewBox="0 0 36 40">
      <path d="M18 1 34 10v20L18 39 2 30V10z" fill="#fff" />
      <path d="M18 6 29.5 12.5v14.8L18 33.8 6.5 27.3V12.5z" fill="#000091" />
      <path d="M12 14h12v3H15v3h7v3h-7v5h-3z" fill="#fff" />
      <path d="M25 26.5a2.3 2.3 0 1 1-4.6 0 2.3 2.3 0 0 1 4.6 0z" fill="#e1000f" />
    </svg>
  );
}
