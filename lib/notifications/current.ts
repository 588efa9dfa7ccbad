/** Where a correction request sends the parent: such a message is only true while the declaration awaits correction. */
export const CORRECTION_LINK = "/espace/declarer-ma-famille";

/**
 * The messages "MON ACCUEIL" still shows: a correction request ("voyez leur message ci-dessous") is dropped once
 * the parent has sent the declaration again or it was decided, since its message is no longer shown below.
 */
export function stillTrue<T extends { link: string | null }>(notifications: T[], declarationStatus: string | null | undefined): T[] {
  if (declarationStatus === "NEEDS_CORRECTION") return notifications;
  return notifications.filter((notification) => notification.link !== CORRECTION_LINK);
}
