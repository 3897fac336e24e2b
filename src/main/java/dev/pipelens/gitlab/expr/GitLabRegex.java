package dev.pipelens.gitlab.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A GitLab regular expression written Ruby-style as {@code /source/flags}, compiled with RE2/J. Flags are
 * limited to {@code i s m U}, which become an inline group {@code (?ismU)} as GitLab's
 * {@code UntrustedRegexp::RubySyntax} does. At least two characters are required between the slashes
 * ({@code /./} is invalid). In an expression literal a {@code /} inside the pattern must be written {@code \/};
 * a whole string read as a pattern (a variable's value, a quoted string) runs to its last slash.
 * Immutable and thread-safe.
 */
public final class GitLabRegex {

    private final String source;
    private final String flags;
    private final Pattern pattern;

    private GitLabRegex(String source, String flags, Pattern pattern) {
        this.source = source;
        this.flags = flags;
        this.pattern = pattern;
    }

    /** The pattern between the slashes, as written. */
    public String source() {
        return source;
    }

    /** The flags after the closing slash (a subset of {@code ismU}). */
    public String flags() {
        return flags;
    }

    /** Whether the pattern matches anywhere in {@code text} (use {@code ^...$} to anchor). */
    public boolean find(String text) {
        return pattern.matcher(text).find();
    }

    /** The literal form {@code /source/flags}. */
    @Override
    public String toString() {
        return "/" + source + "/" + flags;
    }

    /**
     * Compiles a pattern body and flags; throws {@link PatternSyntaxException} when RE2 rejects it.
     */
    static GitLabRegex compile(String source, String flags) {
        String prefix = flags.isEmpty() ? "" : "(?" + flags + ")";
        return new GitLabRegex(source, flags, Pattern.compile(prefix + source));
    }

    /**
     * Reads a whole string as {@code /source/flags} (how GitLab treats a variable's value or a quoted string on
     * the right of {@code =~}); null when the text is not a valid pattern, in which case it stays a string.
     */
    public static GitLabRegex parse(String text) {
        // GitLab's RubySyntax PATTERN: %r{^/(?<regexp>.*)/(?<flags>[ismU]*)$} - greedy up to the last slash
        if (text == null || text.length() < 4 || text.charAt(0) != '/') {
            return null;
        }
        int end = text.lastIndexOf('/');
        if (end - 1 < 2) {
            return null;
        }
        String flags = text.substring(end + 1);
        for (int i = 0; i < flags.length(); i++) {
            if ("ismU".indexOf(flags.charAt(i)) < 0) {
                return null;
            }
        }
        try {
            return compile(text.substring(1, end), flags);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * The index of the slash closing the regex that opens at {@code start}, honouring backslash escapes;
     * -1 when there is none.
     */
    static int closingSlash(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '/') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }
}
