package cn.dongcheng.platform.identity.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One INSPECTOR account per officer of the demo inspector directory (执法检查人员名录库), named by the badge number
 * ({@code DC-0001} … ), so an inspector enters results with a token whose {@code sub} is their badge — the form
 * market-supervision-service reads a badge from when no account mapping is configured. {@code identity.inspector-accounts}
 * in the local profile only; 300 listed accounts would be 1,200 lines of properties.
 *
 * @param count       accounts DC-0001 … DC-{count}
 * @param badgeFormat {@link String#format} pattern of a badge from its number
 * @param password    the shared demo password
 */
public record InspectorAccounts(int count, String badgeFormat, String password) {

    public static final String ROLE = "INSPECTOR";

    public List<UserAccount> accounts() {
        List<UserAccount> accounts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String badge = String.format(Locale.ROOT, badgeFormat, i);
            accounts.add(new UserAccount(badge, password, List.of(ROLE), null, "Inspector " + badge + " (demo)"));
        }
        return accounts;
    }
}
