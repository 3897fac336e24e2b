package dev.pipelens.export;

/**
 * The small vector icon drawn in a node's outcome badge. Icons are drawn from primitives rather than font
 * glyphs so they look the same in every renderer whatever fonts are installed.
 */
public enum Glyph {
    /** A play triangle: runs at once. */
    PLAY,
    /** Two bars: waits for a person. */
    PAUSE,
    /** A padlock: runs once a gate upstream is opened. */
    LOCK,
    /** A ring with a dot: started by hand. */
    HAND,
    /** A clock: delayed. */
    CLOCK,
    /** An exclamation mark: runs when something failed. */
    ALERT,
    /** A fast-forward: skipped. */
    SKIP,
    /** A cross: can never start. */
    CROSS
}
