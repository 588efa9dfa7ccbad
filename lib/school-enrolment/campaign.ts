/** The enrolment campaign's window (town configuration). Pure. */
import { parisDay } from "@/lib/platform/format";
import type { SchoolEnrolmentCampaign } from "@/lib/platform/town/types";

export type CampaignState =
  | { kind: "open"; campaign: SchoolEnrolmentCampaign }
  | { kind: "not-yet"; campaign: SchoolEnrolmentCampaign }
  | { kind: "closed"; campaign: SchoolEnrolmentCampaign }
  | { kind: "none" };

// Built once: constructing an Intl.DateTimeFormat costs about half a millisecond (measured), formatting a microsecond.
const frenchDayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export { parisDay };

export function campaignState(campaign: SchoolEnrolmentCampaign | undefined, at: Date): CampaignState {
  if (!campaign) return { kind: "none" };
  const day = parisDay(at);
  if (day < campaign.opensOn) return { kind: "not-yet", campaign };
  if (day > campaign.closesOn) return { kind: "closed", campaign };
  return { kind: "open", campaign };
}

/** "1 décembre 2026" */
export function frenchDay(isoDay: string): string {
  return frenchDayFormat.format(new Date(`${isoDay}T00:00:00Z`));
}
