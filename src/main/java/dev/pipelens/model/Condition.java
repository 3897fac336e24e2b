package dev.pipelens.model;

/**
 * The text of a condition ({@code if:}) as written after upload-time interpolation, and where its
 * first character is in the file. Column offsets inside the expression are added to {@code span}.
 */
public record Condition(String text, SourceSpan span) {
}
