package dev.pipelens.plan.buildkite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the variable names an uninterpolated string refers to with {@code $NAME} or {@code ${NAME...}} (escapes skipped). */
final class InterpolationRefs {

    private InterpolationRefs() {
    }

    static List<String> names(String text) {
        if (text == null || text.indexOf('$') < 0) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i++;
                continue;
            }
            if (c != '$' || i + 1 >= text.length()) {
                continue;
            }
            char n = text.charAt(i + 1);
            if (n == '$') {
                i++;
                continue;
            }
            int start = n == '{' ? i + 2 : i + 1;
            int end = start;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            if (end > start && Character.isLetter(text.charAt(start))) {
                out.add(text.substring(start, end));
            }
            i = end - 1;
        }
        return new ArrayList<>(out);
    }
}
