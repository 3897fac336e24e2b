package dev.pipelens.execute;

import dev.pipelens.model.MatrixJob;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{matrix}}} and {@code {{matrix.NAME}}} tokens for one matrix job (D-MATRIX). */
final class Matrix {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*matrix(?:\\.([\\w.-]+))?\\s*}}");

    private Matrix() {
    }

    static String substitute(String text, MatrixJob job) {
        if (text == null || job == null || text.indexOf("{{") < 0) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) == null ? "" : m.group(1);
            String value = job.values().get(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
