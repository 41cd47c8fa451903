package io.shop.user.account;

import io.shop.api.auth.Roles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Ensures at start-up that the operators' account exists, with roles customer and admin, when
 * {@code shop.admin.email} and {@code shop.admin.password} are both set. The configured password
 * wins over a stored one: otherwise whoever registered that email first would be made admin with
 * their own password.
 */
@Component
@EnableConfigurationProperties(AdminAccount.Settings.class)
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final List<String> ROLES = List.of(Roles.CUSTOMER, Roles.ADMIN);

    private final Settings settings;
    private final UserRepository users;
    private final Passwords passwords;

    AdminAccount(Settings settings, UserRepository users, Passwords passwords) {
        this.settings = settings;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.configured()) {
            ensure(settings.email().strip().toLowerCase(Locale.ROOT), settings.password());
        }
    }

    long ensure(String email, String password) {
        if (!PasswordPolicy.accepts(password)) {
            throw new IllegalStateException("shop.admin.password " + PasswordPolicy.RULE);
        }
        var existing = users.findByEmail(email);
        if (existing.isEmpty()) {
            try {
                long id = users.insert(new NewAccount(email, null, "admin", passwords.hash(password), ROLES));
                log.info("Created the admin account {} (id {})", email, id);
                return id;
            } catch (DuplicateKeyException e) {
                // another instance created it meanwhile: bring that one in line below
                existing = users.findByEmail(email);
            }
        }
        Account account = existing.orElseThrow();
        String hash =
                passwords.matches(password, account.passwordHash()) ? account.passwordHash() : passwords.hash(password);
        var roles = new LinkedHashSet<>(account.roles());
        roles.addAll(ROLES);
        users.updateCredentials(account.id(), hash, List.copyOf(roles), true);
        log.info("Ensured the admin account {} (id {})", email, account.id());
        return account.id();
    }

    @ConfigurationProperties("shop.admin")
    record Settings(String email, String password) {

        boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "Settings[email=" + email + "]";
        }
    }
}
