package dev.pipelens.layout;

/**
 * Estimates text width from character classes, calibrated on DejaVu Sans / Helvetica-like fonts and
 * erring on the wide side so real fonts fit: narrow punctuation, average lower case, wider capitals,
 * full-width CJK and emoji.
 */
public record EstimatedTextMeasurer(double fontSize) implements TextMeasurer {

    public EstimatedTextMeasurer {
        if (!(fontSize > 0) || Double.isInfinite(fontSize)) {
            throw new IllegalArgumentException("font size must be positive: " + fontSize);
        }
    }

    @Override
    public double width(String text) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            em += advance(cp);
        }
        return em * fontSize;
    }

    /** Advance width in ems. */
    static double advance(int cp) {
        if (cp == ' ') {
            return 0.32;
        }
        if ("il.,:;|!'`".indexOf(cp) >= 0) {
            return 0.3;
        }
        if ("fjrt()[]{}/\\-\"".indexOf(cp) >= 0) {
            return 0.42;
        }
        if ("mwMW@%".indexOf(cp) >= 0) {
            return 0.92;
        }
        if (cp >= 'A' && cp <= 'Z') {
            return 0.7;
        }
        if (cp >= '0' && cp <= '9') {
            return 0.64;
        }
        if (cp < 0x80) {
            return 0.6;
        }
        if (Character.getType(cp) == Character.NON_SPACING_MARK || cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F) {
            return 0;
        }
        if (cp >= 0x1100 && (Character.isIdeographic(cp) || cp >= 0x1F000 || cp >= 0xAC00 && cp <= 0xD7AF
                || cp >= 0x3000 && cp <= 0x30FF || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0x2600 && cp <= 0x27BF)) {
            return 1.0;
        }
        return 0.65;
    }
}
