// Turns a nodemailer transport into a MailSender: nodemailer composes the MIME message (RFC 5322
// headers, a multipart/alternative body of RFC 2046) for every carrier alike.
import type { Transporter } from 'nodemailer';
import type { MailMessage, MailReceipt, MailSender } from './mail-port.ts';

/** Options every nodemailer-backed sender takes. */
export interface NodemailerSenderOptions {
  description: string;
  /** The sender used when a message names none. */
  defaultFrom: string;
  /** Extra per-message data the transport reads (for SES, the SendEmail input). */
  extra?: Record<string, unknown>;
  /** Describes an accepted message from the transport's info object. */
  detail: (info: Record<string, unknown>) => string;
}

/** A MailSender over a nodemailer transport. */
export function nodemailerSender(transport: Transporter, options: NodemailerSenderOptions): MailSender {
  return {
    description: options.description,
    async send(message: MailMessage): Promise<MailReceipt> {
      const info = (await transport.sendMail({
        from: message.from ?? options.defaultFrom,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
        ...options.extra,
      })) as Record<string, unknown>;
      return { messageId: String(info.messageId ?? ''), detail: options.detail(info) };
    },
    close: () => transport.close(),
  };
}
