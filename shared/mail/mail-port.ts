// One way to send mail for every feature (the weekly digest, later the instant alerts), whatever
// carries it: SES in the cloud, an SMTP server, or `.eml` files in a local outbox folder.

/** A message with an HTML part and a plain-text part. */
export interface MailMessage {
  /** `Name <address>` or a bare address; the sender's default when absent. */
  from?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers such as List-Id; never built from feed or staff text. */
  headers?: Record<string, string>;
}

/** What a sender reports of an accepted message. */
export interface MailReceipt {
  messageId: string;
  /** Where it went: the SES message id, the SMTP server's reply, or the file written. */
  detail: string;
}

/** Sends one message; rejects when the carrier refused it (the error says why). */
export interface MailSender {
  /** A short description for logs and the start banner, never holding a secret. */
  readonly description: string;
  send(message: MailMessage): Promise<MailReceipt>;
  close(): void;
}
