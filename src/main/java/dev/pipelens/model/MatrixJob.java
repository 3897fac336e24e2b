package dev.pipelens.model;

import java.util.Map;

/** One job of a matrix step: its dimension values (a single entry named "" for the list form), label, and soft-fail flag. */
public record MatrixJob(Map<String, String> values, String label, boolean softFail) {
}
