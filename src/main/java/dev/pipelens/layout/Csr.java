package dev.pipelens.layout;

import java.util.Arrays;

/** Compressed sparse rows: arcs or values grouped by their key, built from {@link IntList}s. */
final class Csr {

    private Csr() {
    }

    static int[] start(int v, IntList keys) {
        int[] start = new int[v + 1];
        for (int i = 0; i < keys.size(); i++) {
            start[keys.get(i) + 1]++;
        }
        for (int i = 0; i < v; i++) {
            start[i + 1] += start[i];
        }
        return start;
    }

    /** Arc indices grouped by key, in insertion order. */
    static int[] fill(int[] start, IntList keys, int count) {
        int[] out = new int[count];
        int[] at = Arrays.copyOf(start, start.length - 1);
        for (int i = 0; i < count; i++) {
            out[at[keys.get(i)]++] = i;
        }
        return out;
    }

    /** Values grouped by key, in insertion order. */
    static int[] fillValues(int[] start, IntList keys, IntList values) {
        int[] out = new int[keys.size()];
        int[] at = Arrays.copyOf(start, start.length - 1);
        for (int i = 0; i < keys.size(); i++) {
            out[at[keys.get(i)]++] = values.get(i);
        }
        return out;
    }
}
