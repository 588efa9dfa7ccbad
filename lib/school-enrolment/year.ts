import { currentCampaign } from "./campaign-settings";
import { nextSchoolYearStart, schoolYearLabel } from "./levels";

/** The school year staff work on: the campaign's, or next school year when no campaign is configured. */
export async function campaignSchoolYear(at = new Date()): Promise<string> {
  return schoolYearLabel((await currentCampaign())?.schoolYearStart ?? nextSchoolYearStart(at));
}
