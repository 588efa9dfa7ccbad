import { town } from "@/lib/platform/town";
import { nextSchoolYearStart, schoolYearLabel } from "./levels";

/** The school year staff work on: the campaign's, or next school year when no campaign is configured. */
export function campaignSchoolYear(at = new Date()): string {
  return schoolYearLabel(town().schoolEnrolment?.schoolYearStart ?? nextSchoolYearStart(at));
}
