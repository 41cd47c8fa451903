package io.shop.user.account;

import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class AccountController {

    static final URI ME = URI.create("/api/users/me");

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterCommand command) {
        return ResponseEntity.created(ME).body(AccountView.of(accounts.register(command)));
    }

    @GetMapping("/me")
    AccountView me(@CurrentUser long userId) {
        return AccountView.of(accounts.account(userId));
    }

    @PatchMapping("/me")
    AccountView change(@CurrentUser long userId, @Valid @RequestBody ProfileChange change) {
        return AccountView.of(accounts.rename(userId, change.nickname()));
    }

    /** The account as its owner sees it: never the password hash. */
    record AccountView(long id, String email, String phone, String nickname, List<String> roles, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.email(), a.phone(), a.nickname(), a.roles(), a.createdAt());
        }
    }

    /** What an owner may change of their profile. */
    record ProfileChange(@NotBlank @Size(max = 40) String nickname) {}
}
