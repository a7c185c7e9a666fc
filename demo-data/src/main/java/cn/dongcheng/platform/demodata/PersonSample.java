package cn.dongcheng.platform.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Passes the generated person lines on and keeps the few that will hold credit records: those whose ID number falls
 * in a fixed hash bucket ({@code perTenThousand} of every ten thousand, independent of the order or the scale), and
 * the demo accounts' persons ({@code showcase}). Only those lines are parsed, so sampling city scale costs little.
 */
final class PersonSample implements Consumer<String> {

    /** A person who will hold credit records: ID number and name as the population register has them. */
    record Person(String idNumber, String name) {
    }

    private static final String ID_FIELD = "\"idNumber\":\"";
    private static final String NAME_FIELD = "\"name\":\"";

    private final Consumer<String> next;
    private final int perTenThousand;
    private final Set<String> showcase;
    private final List<Person> sampled = new ArrayList<>();

    PersonSample(Consumer<String> next, int perTenThousand, Set<String> showcase) {
        this.next = next;
        this.perTenThousand = perTenThousand;
        this.showcase = showcase;
    }

    @Override
    public void accept(String line) {
        next.accept(line);
        String id = field(line, ID_FIELD);
        if (id != null && (Math.floorMod(id.hashCode() * 0x9E3779B9, 10_000) < perTenThousand || showcase.contains(id))) {
            sampled.add(new Person(id, field(line, NAME_FIELD)));
        }
    }

    List<Person> sampled() {
        return sampled;
    }

    /** A string field of a generated line (the generator writes no escapes in these fields). */
    private static String field(String line, String prefix) {
        int start = line.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        return line.substring(start, line.indexOf('"', start));
    }
}
