package io.shop.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A registration as a client sends it. Blank email or phone counts as absent; emails are stored
 * lower-case, so one mailbox is one account.
 */
@OneContact
record RegisterCommand(
        @Email @Size(max = 254) String email,
        @Pattern(regexp = PHONE, message = "must be a phone number: an optional + and 6 to 15 digits") String phone,
        @ValidPassword String password,
        @NotBlank @Size(max = 40) String nickname) {

    static final String PHONE = "^\\+?[0-9]{6,15}$";

    RegisterCommand {
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        nickname = nickname == null ? null : nickname.strip();
    }

    @Override
    public String toString() {
        return "RegisterCommand[email=" + email + ", phone=" + phone + ", nickname=" + nickname + "]";
    }
}
