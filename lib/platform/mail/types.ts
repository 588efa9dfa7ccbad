/** What the mail adapters (./resend, ./outbox) send, and the interface they implement. */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A short category for the provider's statistics ("activation", "password-reset"...). */
  tag?: string;
  /** The same key twice sends one mail (Resend keeps keys 24 h): the queued mail's id (lib/platform/mail/queue.ts). */
  idempotencyKey?: string;
}

export interface Mailer {
  readonly provider: "resend" | "outbox";
  send(message: MailMessage): Promise<void>;
}
