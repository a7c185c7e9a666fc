package cn.dongcheng.platform.population.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which suppressed cells someone could still work out exactly from what the table publishes. Every line says
 * "its cells add up to its last cell"; with the published cells moved to the right-hand side this is a linear system
 * in the suppressed cells. A suppressed cell is determined when every solution of the system gives it the same value,
 * i.e. when no direction in the system's null space moves it. Suppressed cells are all positive (zeros are never
 * suppressed), so any such direction can be followed a little both ways without a cell going negative: a cell that is
 * not determined has a feasible interval of positive width.
 */
final class Derivability {

    private static final double EPSILON = 1e-9;

    private Derivability() {
    }

    /** The suppressed cells the table's line equations determine. */
    static BitSet determined(LinkedTable table, BitSet suppressed) {
        Map<Integer, Integer> column = new HashMap<>();
        int[] cellOf = new int[suppressed.cardinality()];
        for (int cell = suppressed.nextSetBit(0), j = 0; cell >= 0; cell = suppressed.nextSetBit(cell + 1), j++) {
            column.put(cell, j);
            cellOf[j] = cell;
        }
        List<double[]> rows = new ArrayList<>();
        for (int d = 0; d < table.dimensions(); d++) {
            int dim = d;
            table.forEachLineStart(dim, start -> {
                int[] line = table.line(dim, start);
                double[] row = null;
                for (int i = 0; i < line.length; i++) {
                    Integer j = column.get(line[i]);
                    if (j != null) {
                        if (row == null) {
                            row = new double[cellOf.length];
                        }
                        row[j] = i == line.length - 1 ? -1 : 1;
                    }
                }
                if (row != null) {
                    rows.add(row);
                }
            });
        }
        return determinedColumns(rows.toArray(double[][]::new), cellOf);
    }

    /**
     * Reduced row echelon form by Gauss–Jordan elimination with partial pivoting: a pivot variable whose row has no
     * entry in a free column has one value in every solution.
     */
    private static BitSet determinedColumns(double[][] m, int[] cellOf) {
        int columns = cellOf.length;
        int[] pivotColumn = new int[m.length];
        int rank = 0;
        BitSet pivots = new BitSet(columns);
        for (int c = 0; c < columns && rank < m.length; c++) {
            int best = rank;
            for (int r = rank + 1; r < m.length; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(m[best][c]) < EPSILON) {
                continue;
            }
            double[] swap = m[rank];
            m[rank] = m[best];
            m[best] = swap;
            double[] pivotRow = m[rank];
            double p = pivotRow[c];
            for (int k = c; k < columns; k++) {
                pivotRow[k] /= p;
            }
            for (int r = 0; r < m.length; r++) {
                double f = m[r][c];
                if (r != rank && Math.abs(f) > EPSILON) {
                    double[] row = m[r];
                    for (int k = c; k < columns; k++) {
                        row[k] -= f * pivotRow[k];
                    }
                }
            }
            pivotColumn[rank++] = c;
            pivots.set(c);
        }
        BitSet determined = new BitSet();
        for (int r = 0; r < rank; r++) {
            boolean free = false;
            for (int k = pivots.nextClearBit(0); k < columns && !free; k = pivots.nextClearBit(k + 1)) {
                free = Math.abs(m[r][k]) > EPSILON;
            }
            if (!free) {
                determined.set(cellOf[pivotColumn[r]]);
            }
        }
        return determined;
    }
}
