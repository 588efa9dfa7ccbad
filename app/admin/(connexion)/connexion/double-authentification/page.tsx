import type { Metadata } from "next";
import { StaffCodeForm } from "@/lib/staff/components/StaffSignInForms";
import { totpQrDataUrl } from "@/lib/auth/totp-qr";
import { enrolmentSecret } from "@/lib/auth/staff-sign-in";
import { groupSecret } from "@/lib/auth/totp";
import { pendingFor } from "@/lib/staff/sign-in-step-guard";

export const metadata: Metadata = { title: "Activer la double authentification – Espace agents" };

export default async function StaffTotpEnrolmentPage() {
  const staff = await pendingFor("double-authentification");
  const secret = await enrolmentSecret(staff);
  const qr = await totpQrDataUrl(secret, staff.login);
  return (
    <section aria-labelledby="totp-titre" className="card">
      <h1 id="totp-titre" className="page-title mb-2">
        Activer la double authentification
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Votre compte donne accès aux dossiers des familles : en plus du mot de passe, chaque connexion demande un code à 6 chiffres produit
        par une application d&apos;authentification (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).
      </p>
      <ol className="mb-4 list-decimal space-y-3 pl-6">
        <li>
          Dans l&apos;application, ajoutez un compte en scannant ce QR code :
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: SVG generated on the server, not an optimisable image */}
          <img
            src={qr}
            alt="QR code de la double authentification de l'Espace Famille, à scanner avec votre application"
            width={200}
            height={200}
            className="my-2 border border-slate-300 bg-white"
          />
          ou saisissez cette clé à la main :{" "}
          <span className="select-all font-mono font-bold" data-testid="cle-totp">
            {groupSecret(secret)}
          </span>
        </li>
        <li>Saisissez ci-dessous le code à 6 chiffres que l&apos;application affiche.</li>
      </ol>
      <StaffCodeForm submitLabel="Activer et me connecter" />
    </section>
  );
}
