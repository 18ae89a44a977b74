import type { EventPayload } from '@commerce-graph/events';
import type { IdentityDb } from './db/client.ts';
import { outboundMail } from './db/schema.ts';

export type MailRequest = EventPayload<'identity.email.requested'>;

/** A mail ready to hand to a sender. */
export interface Mail {
  /** The event it answers: a sender deduplicates on it. */
  id: string;
  to: string;
  template: MailRequest['template'];
  subject: string;
  body: string;
}

/** Where mails go. In development, a table; in production, an SMTP server or a mail API. */
export interface MailSender {
  /** Delivers a mail; delivering the same `id` twice must send it once. */
  send(mail: Mail): Promise<void>;
}

const validity = (expiresAt: string) => `It works once, until ${expiresAt} (UTC).`;

/** The text of each mail; the token is the only secret in it. */
export function renderMail(id: string, request: MailRequest): Mail {
  const { to, template, token, expiresAt } = request;
  switch (template) {
    case 'password-reset':
      return {
        id,
        to,
        template,
        subject: 'Reset your password',
        body: [
          'Someone asked to reset the password of your account. If it was you, use this token:',
          '',
          `  ${token}`,
          '',
          validity(expiresAt),
          'If it was not you, ignore this mail: your password stays as it is.',
        ].join('\n'),
      };
    case 'email-verification':
      return {
        id,
        to,
        template,
        subject: 'Verify your email address',
        body: [
          'Please confirm that this address belongs to your account with this token:',
          '',
          `  ${token}`,
          '',
          validity(expiresAt),
        ].join('\n'),
      };
  }
}

/**
 * The development sink: mails land in `identity.outbound_mail`, where tests and developers read
 * them. Replace it with a real sender in production; nothing else changes.
 */
export function createOutboundMailSink(db: IdentityDb): MailSender {
  return {
    async send(mail) {
      await db
        .insert(outboundMail)
        .values({
          id: mail.id,
          recipient: mail.to,
          template: mail.template,
          subject: mail.subject,
          body: mail.body,
        })
        .onConflictDoNothing();
    },
  };
}
