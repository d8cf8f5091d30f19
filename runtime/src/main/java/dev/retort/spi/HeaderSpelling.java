package dev.retort.spi;

import java.util.regex.Pattern;

/**
 * How a script language spells its header, for the messages a {@link HeaderScanner} gives and for finding a
 * revision call written too late. Versioned with Retort, like every type in this package.
 *
 * @param revisionCall    finds a {@code revision} header call anywhere in the text (for "comes before" messages)
 * @param revisionExample how the revision header is written, e.g. {@code revision 'abc123def456'}
 * @param headerExample   how a whole header is written
 * @param transactionNone how a script says it runs outside a transaction
 */
public record HeaderSpelling(Pattern revisionCall, String revisionExample, String headerExample, String transactionNone) {
}
