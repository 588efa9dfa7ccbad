import { startFranceConnectSignIn } from "@/lib/auth/franceconnect-actions";
import { isFranceConnectEnabled } from "@/lib/franceconnect";
import { FranceConnectButton } from "@/lib/franceconnect/components/FranceConnectButton";
import { OrSeparator } from "./OrSeparator";

/**
 * FranceConnect first, then "ou" before the other way in (FranceConnect's guidelines). Nothing at all when
 * the portal is not configured for FranceConnect.
 */
export function FranceConnectSignIn({
  returnTo = "/espace",
  intro,
  separator = true,
}: {
  returnTo?: string;
  intro?: React.ReactNode;
  separator?: boolean;
}) {
  if (!isFranceConnectEnabled()) return null;
  return (
    <>
      {intro}
      <FranceConnectButton action={startFranceConnectSignIn} fields={{ retour: returnTo }} />
      {separator ? <OrSeparator /> : null}
    </>
  );
}
