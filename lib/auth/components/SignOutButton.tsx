import { signOutParent } from "@/lib/auth/actions";

/** A real form: signing out works from every page, with or without JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutParent}>
      <button type="submit" className="btn-secondary min-h-9 px-3 py-1 text-xs">
        Se déconnecter
      </button>
    </form>
  );
}
