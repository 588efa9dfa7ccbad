/** What "inscription" and "réservation" mean, in plain words (the difference parents say nobody explains). */
export function Explainer() {
  return (
    <details className="card" open>
      <summary className="section-title cursor-pointer">Inscription, réservation : quelle différence ?</summary>
      <div className="mt-3 flex flex-col gap-2 text-sm">
        <p>
          <strong>1. L&apos;inscription</strong> se fait une fois par période (l&apos;année scolaire, ou une session de vacances) : elle dit
          que votre enfant peut fréquenter l&apos;activité. Nos services vérifient l&apos;âge et les pièces du dossier, puis
          l&apos;acceptent, la mettent en liste d&apos;attente (avec votre rang) ou la refusent en vous disant pourquoi.
        </p>
        <p>
          <strong>2. La réservation</strong> se fait ensuite, jour par jour : vous choisissez les jours et les temps d&apos;accueil (matin,
          repas, journée…) où votre enfant sera présent. Chaque jour a une date limite pour réserver et pour annuler.
        </p>
        <p>
          Un jour complet ? Inscrivez-vous sur sa liste d&apos;attente : si une place se libère, elle vous est proposée par courriel et sur
          votre accueil, et vous avez un délai pour l&apos;accepter. Après la date limite d&apos;annulation, déclarez l&apos;absence avec un
          certificat médical : elle est alors justifiée.
        </p>
      </div>
    </details>
  );
}
