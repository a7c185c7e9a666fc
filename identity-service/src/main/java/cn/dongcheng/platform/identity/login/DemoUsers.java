package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo accounts of the {@code local} profile, read from the same file the issuer imports
 * ({@value #RESOURCE}), so the command line, the test harness and the demo data tests never restate them.
 */
public final class DemoUsers {

    /** Class-path resource holding {@code identity.users[n].*} and the shared demo password. */
    public static final String RESOURCE = "identity/demo-users.properties";

    private static final Pattern USER_KEY = Pattern.compile("identity\\.users\\[(\\d+)]\\.([a-z-]+)");
    private static final Pattern BADGE = Pattern.compile("DC-(\\d{4})");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private static final String INSPECTORS = "identity.inspector-accounts.";

    private final List<DemoUser> users;
    private final int inspectorAccounts;
    private final String inspectorPassword;

    private DemoUsers(List<DemoUser> users, int inspectorAccounts, String inspectorPassword) {
        this.users = users;
        this.inspectorAccounts = inspectorAccounts;
        this.inspectorPassword = inspectorPassword;
    }

    public static DemoUsers load() {
        Properties p = new Properties();
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = p.stringPropertyNames().stream().map(USER_KEY::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
        List<DemoUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "identity.users[" + i + "].";
            String roles = value(p, prefix + "roles");
            users.add(new DemoUser(value(p, prefix + "username"), value(p, prefix + "password"),
                    roles == null ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList(),
                    value(p, prefix + "subject-id"), value(p, prefix + "display-name")));
        }
        String inspectors = value(p, INSPECTORS + "count");
        return new DemoUsers(List.copyOf(users), inspectors == null ? 0 : Integer.parseInt(inspectors.trim()),
                value(p, INSPECTORS + "password"));
    }

    public List<DemoUser> all() {
        return users;
    }

    /** The demo account holding {@code role} (any case, dashes for underscores: "industry-officer"). */
    public DemoUser forRole(String role) {
        String wanted = role.toUpperCase(Locale.ROOT).replace('-', '_');
        return users.stream().filter(u -> u.roles().contains(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo account has the role " + wanted + " (" + RESOURCE + ")"));
    }

    /**
     * The demo account of the inspector with this badge ({@code DC-0042}): accounts DC-0001 … DC-{count} exist, named by
     * the badge ({@code identity.inspector-accounts}).
     */
    public DemoUser inspector(String badge) {
        Matcher number = BADGE.matcher(badge);
        if (!number.matches() || Integer.parseInt(number.group(1)) < 1 || Integer.parseInt(number.group(1)) > inspectorAccounts) {
            throw new IllegalArgumentException("no demo inspector account for badge " + badge + " (" + RESOURCE + ")");
        }
        return new DemoUser(badge, inspectorPassword, List.of("INSPECTOR"), null, "Inspector " + badge + " (demo)");
    }

    /** A value, with a whole-value {@code ${key}} reference resolved within the file (the shared demo password). */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        Matcher ref = v == null ? null : REFERENCE.matcher(v.trim());
        return ref != null && ref.matches() ? p.getProperty(ref.group(1)) : v;
    }
}
