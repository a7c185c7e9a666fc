package cn.dongcheng.platform.supervision.result;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Map;

/**
 * Which inspector a token is: identity-service's staff accounts carry a user name as {@code sub} and no badge, so an
 * account is mapped to its badge number here ({@code supervision.inspector-accounts}); an account not listed is taken
 * to be named by its badge number (an account created per officer, e.g. {@code DC-0042}).
 */
@ConfigurationProperties(prefix = "supervision")
public record InspectorAccounts(Map<String, String> inspectorAccounts) {

    public InspectorAccounts {
        inspectorAccounts = inspectorAccounts == null ? Map.of() : Map.copyOf(inspectorAccounts);
    }

    public String badgeOf(String actor) {
        return inspectorAccounts.getOrDefault(actor, actor).trim().toUpperCase(Locale.ROOT);
    }
}
