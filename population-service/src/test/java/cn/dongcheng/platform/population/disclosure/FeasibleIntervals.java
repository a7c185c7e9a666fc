package cn.dongcheng.platform.population.disclosure;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.OptimizationData;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker holding the published table can say about each suppressed cell: its smallest and largest value
 * over all non-negative solutions of the table's line equations (each line's cells add up to its last cell), found by
 * linear programming independently of the code under test. Width 0 means the cell is disclosed.
 */
public final class FeasibleIntervals {

    public record Interval(double min, double max) {
        public double width() {
            return max - min;
        }
    }

    private FeasibleIntervals() {
    }

    public static Map<Integer, Interval> of(LinkedTable table, BitSet hidden) {
        List<Integer> variables = hidden.stream().boxed().toList();
        Map<Integer, Integer> column = new HashMap<>();
        for (int j = 0; j < variables.size(); j++) {
            column.put(variables.get(j), j);
        }
        List<LinearConstraint> equations = new ArrayList<>();
        for (int d = 0; d < table.dimensions(); d++) {
            int dim = d;
            table.forEachLineStart(dim, start -> {
                int[] line = table.line(dim, start);
                double[] coefficients = new double[variables.size()];
                double known = 0;
                boolean any = false;
                for (int i = 0; i < line.length; i++) {
                    double sign = i == line.length - 1 ? -1 : 1;
                    Integer j = column.get(line[i]);
                    if (j == null) {
                        known -= sign * table.value(line[i]);
                    } else {
                        coefficients[j] = sign;
                        any = true;
                    }
                }
                if (any) {
                    equations.add(new LinearConstraint(coefficients, Relationship.EQ, known));
                }
            });
        }
        // every cell is at most the grand total; stated as bounds because SimplexSolver 3.6.1 misses the optimum of a
        // problem made of equations alone (it answers max x = 0 for x + y = 11)
        double bound = 10.0 * table.value(table.cells() - 1) + 1000;
        for (int j = 0; j < variables.size(); j++) {
            double[] one = new double[variables.size()];
            one[j] = 1;
            equations.add(new LinearConstraint(one, Relationship.LEQ, bound));
        }
        Map<Integer, Interval> out = new HashMap<>();
        for (int j = 0; j < variables.size(); j++) {
            double[] objective = new double[variables.size()];
            objective[j] = 1;
            out.put(variables.get(j), new Interval(optimum(objective, equations, GoalType.MINIMIZE),
                    optimum(objective, equations, GoalType.MAXIMIZE)));
        }
        return out;
    }

    private static double optimum(double[] objective, List<LinearConstraint> equations, GoalType goal) {
        try {
            OptimizationData[] data = {new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(equations), goal, new NonNegativeConstraint(true)};
            return new SimplexSolver().optimize(data).getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }
}
