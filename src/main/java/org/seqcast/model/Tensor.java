package org.seqcast.model;

import java.util.Arrays;

/** A named parameter block: shape and values in row-major (C) order. */
public record Tensor(String name, int[] shape, float[] data) {
    public Tensor {
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Invalid shape = " + Arrays.toString(shape) + " for " + name);
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("Invalid data length = " + data.length + " for " + name + " of shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    public int rows() {
        return shape[0];
    }

    public int cols() {
        return shape.length > 1 ? shape[1] : 1;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
