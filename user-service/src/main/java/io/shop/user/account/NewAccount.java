package io.shop.user.account;

import java.util.List;

/** What is inserted for a new account; the password is already hashed. */
record NewAccount(String email, String phone, String nickname, String passwordHash, List<String> roles) {

    @Override
    public String toString() {
        return "NewAccount[roles=" + roles + "]";
    }
}
