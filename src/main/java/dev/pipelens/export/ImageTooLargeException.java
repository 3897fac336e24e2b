package dev.pipelens.export;

import java.io.IOException;

/** An image export refused because the picture would be too large; the message says what to do. */
public class ImageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long width;
    private final long height;

    public ImageTooLargeException(long width, long height, String limit) {
        super("the image would be " + width + " x " + height + " pixels, more than " + limit
                + "; export SVG instead, lower the scale, or filter the pipeline");
        this.width = width;
        this.height = height;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }
}
