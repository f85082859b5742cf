import type { Message } from '@adonisjs/mail'

/**
 * The pickup code a `ready_for_pickup` e-mail gives ("482 913"), read from
 * its text part as the customer reads it; throws when the e-mail has none.
 */
export function pickupCodeFrom(message: Message): string {
  const text = String(message.nodeMailerMessage.text)
  const match = /^(?:VOTRE CODE DE RETRAIT|YOUR PICKUP CODE)\n(\d{3} \d{3})$/m.exec(text)
  if (!match) throw new Error(`No pickup code in this e-mail:\n${text}`)
  return match[1]
}
