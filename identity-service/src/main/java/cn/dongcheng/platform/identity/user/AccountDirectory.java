package cn.dongcheng.platform.identity.user;

import cn.dongcheng.platform.identity.IdentityProperties;
import cn.dongcheng.platform.identity.SecretEncoding;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured users: the form login checks passwords here, the token customizer reads roles and subject ids. */
@Component
public class AccountDirectory implements UserDetailsService {

    /** Only these kinds of user act for a subject of their own (a person or an enterprise). */
    static final Set<String> SUBJECT_ROLES = Set.of("CITIZEN", "ENTERPRISE");

    private final Map<String, UserAccount> accounts;

    public AccountDirectory(IdentityProperties properties) {
        List<UserAccount> all = new ArrayList<>(properties.users());
        if (properties.inspectorAccounts() != null) {
            all.addAll(properties.inspectorAccounts().accounts());
        }
        this.accounts = all.stream().collect(Collectors.toUnmodifiableMap(UserAccount::username, Function.identity()));
        accounts.values().forEach(AccountDirectory::check);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.username())
                .password(SecretEncoding.stored(account.password()))
                .roles(account.roles().toArray(String[]::new))
                .build();
    }

    private static void check(UserAccount account) {
        if (account.password() == null || account.password().isBlank()) {
            throw new IllegalStateException("user " + account.username() + " has no password");
        }
        boolean actsForSubject = account.roles().stream().anyMatch(SUBJECT_ROLES::contains);
        boolean hasSubject = account.subjectId() != null && !account.subjectId().isBlank();
        if (actsForSubject != hasSubject) {
            throw new IllegalStateException("user " + account.username()
                    + ": a subject id belongs to exactly the citizen and enterprise users, roles " + account.roles());
        }
    }
}
