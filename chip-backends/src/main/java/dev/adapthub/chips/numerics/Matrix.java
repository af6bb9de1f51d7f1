package dev.adapthub.chips.numerics;

/**
 * A weight matrix in PyTorch's {@code nn.Linear} layout: {@code rows} outputs by {@code cols}
 * inputs, row-major; {@code y = W x}. Invariant: {@code values.length == rows * cols}.
 */
record Matrix(int rows, int cols, double[] values) {

    Matrix {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " needs " + rows * cols
                    + " values, got " + values.length);
        }
    }
}
