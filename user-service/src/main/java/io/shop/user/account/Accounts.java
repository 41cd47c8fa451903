package io.shop.user.account;

import io.shop.api.ShopException;
import io.shop.api.auth.Roles;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserProfile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The account use cases: register, read and rename, check credentials, tell who a user is. */
@Service
class Accounts {

    private final UserRepository users;
    private final Passwords passwords;

    Accounts(UserRepository users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * Two registrations of one email or phone may race; the unique indexes decide, and the loser
     * gets {@code ACCOUNT_EXISTS}.
     */
    Account register(RegisterCommand command) {
        var account = new NewAccount(
                command.email(),
                command.phone(),
                command.nickname(),
                passwords.hash(command.password()),
                List.of(Roles.CUSTOMER));
        try {
            return account(users.insert(account));
        } catch (DuplicateKeyException e) {
            throw ShopException.conflict(UserErrors.ACCOUNT_EXISTS, "an account with this email or phone exists");
        }
    }

    UserProfile profile(long userId) {
        return users.findProfile(userId).orElseThrow(() -> notFound(userId));
    }

    Account account(long userId) {
        return users.findById(userId).orElseThrow(() -> notFound(userId));
    }

    Account rename(long userId, String nickname) {
        if (!users.updateNickname(userId, nickname.strip())) {
            throw notFound(userId);
        }
        return account(userId);
    }

    /**
     * Unknown account and wrong password fail alike, in code and in time; a disabled account is
     * told only to whoever knows its password.
     */
    UserIdentity authenticate(String login, String password) {
        Optional<Account> account = find(login);
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            throw new ShopException(
                    ShopException.Kind.UNAUTHENTICATED, UserErrors.INVALID_CREDENTIALS, "wrong account or password");
        }
        return enabled(account.get()).identity();
    }

    UserIdentity identity(long userId) {
        return enabled(account(userId)).identity();
    }

    private Optional<Account> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String key = login.strip();
        return key.contains("@") ? users.findByEmail(key.toLowerCase(Locale.ROOT)) : users.findByPhone(key);
    }

    private static Account enabled(Account account) {
        if (!account.enabled()) {
            throw new ShopException(
                    ShopException.Kind.FORBIDDEN,
                    UserErrors.ACCOUNT_DISABLED,
                    "account " + account.id() + " is disabled");
        }
        return account;
    }

    private static ShopException notFound(long userId) {
        return ShopException.notFound(UserErrors.USER_NOT_FOUND, "user " + userId + " does not exist");
    }
}
