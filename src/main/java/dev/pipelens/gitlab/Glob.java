package dev.pipelens.gitlab;

import com.google.re2j.Pattern;

/**
 * A file glob compiled to RE2. In {@link Mode#FNMATCH} it follows Ruby's {@code File.fnmatch} with
 * {@code FNM_PATHNAME | FNM_DOTMATCH | FNM_EXTGLOB} (as {@code rules:changes} and {@code rules:exists}
 * use it): {@code *} and {@code ?} stop at {@code /}, {@code **}{@code /} spans directories, {@code [...]}
 * classes and {@code {a,b}} alternatives. In {@link Mode#INCLUDE} ({@code include:local} wildcards) a
 * {@code **} not followed by {@code /} also spans directories ({@code configs/**.yml} = all subfolders).
 */
public final class Glob {

    /** Which wildcard dialect. */
    public enum Mode { FNMATCH, INCLUDE }

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob compile(String glob, Mode mode) {
        return new Glob(glob, Pattern.compile(toRegex(glob, mode)));
    }

    /** Whether a path relative to the project root ({@code a/b.txt}, no leading slash) matches. */
    public boolean matches(String path) {
        return pattern.matches(path);
    }

    public static boolean hasWildcards(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String glob, Mode mode) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (dbl && i + 2 < glob.length() && glob.charAt(i + 2) == '/' && (i == 0 || glob.charAt(i - 1) == '/')) {
                    re.append("(?:[^/]*/)*");
                    i += 2;
                } else if (dbl) {
                    re.append(mode == Mode.INCLUDE ? ".*" : "[^/]*");
                    i += 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = end;
                }
            } else if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) {
            re.append(')');
        }
        return re.toString();
    }
}
