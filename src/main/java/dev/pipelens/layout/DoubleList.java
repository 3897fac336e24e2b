package dev.pipelens.layout;

import java.util.Arrays;

/** A growable double array. */
final class DoubleList {
    private double[] a = new double[16];
    private int size;

    void add(double v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    double get(int i) {
        return a[i];
    }
}
