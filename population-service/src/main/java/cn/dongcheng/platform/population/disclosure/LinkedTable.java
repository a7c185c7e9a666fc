package cn.dongcheng.platform.population.disclosure;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A count table of any number of dimensions together with all its margins (a street × age × sex table, its street ×
 * age, street × sex and age × sex margins, the one-way margins and the grand total), as one array: each dimension has
 * its categories and one more index, the last, for "all categories". These are the linked tables that are protected
 * together (联动表). A <em>line</em> is the cells along one dimension with the other coordinates fixed; its last cell is
 * the sum of the others — the equations someone holding the published table can use.
 */
public final class LinkedTable {

    private final int[] sizes;
    private final int[] strides;
    private final long[] values;

    private LinkedTable(int[] sizes, long[] values) {
        this.sizes = sizes;
        this.strides = new int[sizes.length];
        int stride = 1;
        for (int d = sizes.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= sizes[d] + 1;
        }
        this.values = values;
    }

    /**
     * The table with its margins, from the interior counts in row-major order of {@code sizes} (the last dimension
     * varies fastest).
     */
    public static LinkedTable of(int[] sizes, long[] interior) {
        int full = 1;
        int inner = 1;
        for (int n : sizes) {
            if (n < 1) {
                throw new IllegalArgumentException("every dimension needs a category");
            }
            full *= n + 1;
            inner *= n;
        }
        if (interior.length != inner) {
            throw new IllegalArgumentException("expected " + inner + " interior counts, got " + interior.length);
        }
        LinkedTable table = new LinkedTable(sizes.clone(), new long[full]);
        int[] at = new int[sizes.length];
        for (long count : interior) {
            table.values[table.index(at)] = count;
            table.next(at, sizes);
        }
        // each margin is the sum along one dimension, taken in turn: margins of margins come out right
        for (int d = 0; d < sizes.length; d++) {
            int dim = d;
            table.forEachLineStart(dim, start -> {
                long sum = 0;
                for (int i = 0; i < table.sizes[dim]; i++) {
                    sum += table.values[start + i * table.strides[dim]];
                }
                table.values[start + table.sizes[dim] * table.strides[dim]] = sum;
            });
        }
        return table;
    }

    public int dimensions() {
        return sizes.length;
    }

    /** Categories of a dimension, margin not counted. */
    public int size(int dimension) {
        return sizes[dimension];
    }

    /** Number of cells, margins included. */
    public int cells() {
        return values.length;
    }

    public long value(int cell) {
        return values[cell];
    }

    /** The cell at these coordinates; {@code size(d)} as a coordinate means the margin of dimension d. */
    public int index(int... coordinates) {
        int cell = 0;
        for (int d = 0; d < coordinates.length; d++) {
            cell += coordinates[d] * strides[d];
        }
        return cell;
    }

    public int[] coordinates(int cell) {
        int[] at = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            at[d] = cell / strides[d] % (sizes[d] + 1);
        }
        return at;
    }

    /** How many of the cell's coordinates are margins: 0 interior, {@code dimensions()} the grand total. */
    public int marginLevel(int cell) {
        int[] at = coordinates(cell);
        int level = 0;
        for (int d = 0; d < at.length; d++) {
            if (at[d] == sizes[d]) {
                level++;
            }
        }
        return level;
    }

    /** The cells of one line along {@code dimension} through {@code cell}; the last is the line's sum. */
    public int[] line(int dimension, int cell) {
        int start = cell - coordinates(cell)[dimension] * strides[dimension];
        int[] line = new int[sizes[dimension] + 1];
        for (int i = 0; i < line.length; i++) {
            line[i] = start + i * strides[dimension];
        }
        return line;
    }

    /** Calls back with the first cell of every line along {@code dimension} (margins of other dimensions included). */
    public void forEachLineStart(int dimension, IntConsumer start) {
        for (int cell = 0; cell < values.length; cell++) {
            if (cell / strides[dimension] % (sizes[dimension] + 1) == 0) {
                start.accept(cell);
            }
        }
    }

    private void next(int[] at, int[] limits) {
        for (int d = at.length - 1; d >= 0; d--) {
            if (++at[d] < limits[d]) {
                return;
            }
            at[d] = 0;
        }
    }

    @Override
    public String toString() {
        return "LinkedTable" + Arrays.toString(sizes) + Arrays.toString(values);
    }
}
