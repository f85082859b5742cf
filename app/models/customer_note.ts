import { CustomerNoteSchema } from '#database/schema'

/** A staff note on a customer, with who wrote it and when; never shown to the customer. */
export default class CustomerNote extends CustomerNoteSchema {}
