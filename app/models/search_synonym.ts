import { SearchSynonymSchema } from '#database/schema'

/**
 * A group of words a shopper may use for the same thing ("sabot, clog").
 */
export default class SearchSynonym extends SearchSynonymSchema {}
