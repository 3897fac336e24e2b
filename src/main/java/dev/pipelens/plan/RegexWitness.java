package dev.pipelens.plan;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;

/**
 * Example strings for regex conditions: one a pattern finds and one it does not, and one that tells two
 * patterns apart. Patterns are RE2 syntax (both systems); they are translated to {@code dk.brics.automaton}'s
 * whole-string syntax (unanchored find becomes {@code .*} around the pattern), and every example is checked
 * with RE2/J before it is returned, so a construct the translation does not cover gives no example rather
 * than a wrong one. Examples prefer lowercase letters, then digits and common branch/tag characters.
 */
public final class RegexWitness {

    private static final String[] ALPHABETS = {"[a-z]*", "[a-z0-9]*", "[a-zA-Z0-9._/-]*", "[ -~]*"};

    private RegexWitness() {
    }

    /** A string {@code /source/flags} finds, or null. */
    public static String matching(String source, String flags) {
        Automaton a = automaton(source);
        return a == null ? null : checked(a, source, flags, true);
    }

    /** A non-empty string {@code /source/flags} does not find, or null. */
    public static String notMatching(String source, String flags) {
        Automaton a = automaton(source);
        if (a == null) {
            return null;
        }
        Automaton none = a.complement().intersection(Automaton.makeAnyChar().concatenate(Automaton.makeAnyString()));
        return checked(none, source, flags, false);
    }

    /** A string the first pattern finds and the second does not, or null (for diff witnesses). */
    public static String inFirstOnly(String first, String firstFlags, String second, String secondFlags) {
        Automaton a = automaton(first);
        Automaton b = automaton(second);
        if (a == null || b == null) {
            return null;
        }
        String s = example(a.minus(b));
        return s != null && find(first, firstFlags, s) && !find(second, secondFlags, s) ? s : null;
    }

    private static String checked(Automaton a, String source, String flags, boolean want) {
        String s = example(a);
        return s != null && find(source, flags, s) == want ? s : null;
    }

    private static String example(Automaton a) {
        for (String alphabet : ALPHABETS) {
            String s = a.intersection(new RegExp(alphabet, RegExp.NONE).toAutomaton()).getShortestExample(true);
            if (s != null) {
                return s;
            }
        }
        return a.getShortestExample(true);
    }

    static boolean find(String source, String flags, String text) {
        try {
            int f = flags != null && flags.contains("i") ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0;
            return com.google.re2j.Pattern.compile(source, f).matcher(text).find();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The automaton of the strings the pattern finds somewhere in them, or null when it cannot be translated. */
    static Automaton automaton(String source) {
        try {
            String body = source;
            boolean start = false;
            boolean end = false;
            if (body.startsWith("(?i)")) {
                body = body.substring(4);
            }
            if ((body.startsWith("^") || body.startsWith("\\A")) && !topLevelAlternation(body)) {
                start = true;
                body = body.substring(body.startsWith("^") ? 1 : 2);
            }
            if (body.endsWith("$") && !body.endsWith("\\$") && !topLevelAlternation(body)) {
                end = true;
                body = body.substring(0, body.length() - 1);
            } else if (body.endsWith("\\z") && !topLevelAlternation(body)) {
                end = true;
                body = body.substring(0, body.length() - 2);
            }
            String translated = translate(body);
            if (translated == null) {
                return null;
            }
            String whole = (start ? "" : ".*") + "(" + translated + ")" + (end ? "" : ".*");
            return new RegExp(whole, RegExp.NONE).toAutomaton();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean topLevelAlternation(String s) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** RE2 to brics syntax; null for what brics cannot express (anchors inside, word boundaries, \p classes). */
    private static String translate(String s) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                String cls = switch (n) {
                    case 'd' -> "0-9";
                    case 'w' -> "a-zA-Z0-9_";
                    case 's' -> " \t\n\r\f";
                    default -> null;
                };
                if (cls != null) {
                    out.append(inClass ? cls : "[" + cls + "]");
                } else if (n == 'D' || n == 'W' || n == 'S') {
                    if (inClass) {
                        return null;
                    }
                    out.append(n == 'D' ? "[^0-9]" : n == 'W' ? "[^a-zA-Z0-9_]" : "[^ \t\n\r\f]");
                } else if (Character.isLetterOrDigit(n) && "tnrf".indexOf(n) < 0) {
                    return null;
                } else {
                    out.append('\\').append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n == 'f' ? '\f' : n);
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                out.append(c == '"' || c == '&' || c == '~' || c == '<' || c == '>' || c == '#' || c == '@' ? "\\" + c : String.valueOf(c));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < s.length() && s.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
            } else if (c == '(' && s.startsWith("(?:", i)) {
                out.append('(');
                i += 2;
            } else if (c == '(' && s.startsWith("(?P<", i)) {
                int close = s.indexOf('>', i);
                if (close < 0) {
                    return null;
                }
                out.append('(');
                i = close;
            } else if (c == '(' && s.startsWith("(?", i)) {
                return null;
            } else if ((c == '?' || c == '+' || c == '*' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == '?') {
                out.append(c);
                i++;
            } else if (c == '^' || c == '$') {
                return null;
            } else if ("\"&~<>#@".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return inClass ? null : out.toString();
    }
}
