package io.shop.api.payment;

import java.io.Serializable;

public record WalletBalance(long userId, long balanceCents) implements Serializable {}
