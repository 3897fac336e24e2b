package dev.pipelens.export;

import java.util.Locale;

/** An opaque sRGB colour, toolkit-neutral so the window and the exporters can share a {@link Theme}. */
public record Rgb(int red, int green, int blue) {

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("colour component out of range");
        }
    }

    /** Parses {@code #rrggbb}. */
    public static Rgb of(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("expected #rrggbb: " + hex);
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /** {@code 0xRRGGBB}. */
    public int rgb() {
        return red << 16 | green << 8 | blue;
    }

    /** {@code #rrggbb}, lower case. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb());
    }
}
