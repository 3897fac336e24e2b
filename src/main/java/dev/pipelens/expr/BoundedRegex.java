package dev.pipelens.expr;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A backtracking regular expression for what RE2/J cannot do (lookahead, backreferences), with every match
 * bounded: the text is read through a {@link CharSequence} that counts reads and stops the match with
 * {@link TooSlow} after {@value #MAX_READS} of them, so a catastrophic pattern ends (buildkite/conditional gives
 * each regexp2 match a timeout). The only user of {@code java.util.regex} in the expression layers; RE2/J stays
 * for every pattern it can compile. Immutable and thread-safe.
 */
public final class BoundedRegex {

    /** Character reads one match may make (a few milliseconds of work). */
    public static final long MAX_READS = 2_000_000L;

    private final Pattern pattern;

    private BoundedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles {@code source} (flag {@code i}: case-insensitive, Unicode-aware); null when it does not compile. */
    public static BoundedRegex compile(String source, boolean caseInsensitive) {
        try {
            return new BoundedRegex(Pattern.compile(source,
                    caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        } catch (PatternSyntaxException | StackOverflowError e) {
            return null;
        }
    }

    /** Unanchored search; throws {@link TooSlow} when the match needs more than {@value #MAX_READS} reads. */
    public boolean find(String text) {
        try {
            return pattern.matcher(new Counting(text)).find();
        } catch (StackOverflowError e) {
            throw new TooSlow();
        }
    }

    /** A match stopped before it finished. */
    public static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("regexp match took too long (more than " + MAX_READS + " steps) and was stopped", null, false, false);
        }
    }

    private static final class Counting implements CharSequence {
        private final String text;
        private final long[] reads;

        Counting(String text) {
            this(text, new long[1]);
        }

        private Counting(String text, long[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new TooSlow();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counting(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
