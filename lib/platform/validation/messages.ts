import { z } from "zod";
import { fr } from "zod/locales";

// Every schema imports these messages: zod's own messages (a value of the wrong type posted by hand, a
// field the form never sends) are then French too, never "Invalid input: expected string".
z.config(fr());

export { FORM_ERROR_BANNER, invalidMessage, requiredMessage, tooLongMessage } from "./wording";
