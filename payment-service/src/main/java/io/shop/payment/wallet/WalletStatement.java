package io.shop.payment.wallet;

import io.shop.payment.ledger.Ledger;
import java.util.List;

/** What {@code GET /api/wallet} shows: the balance and a page of the wallet's ledger entries. */
record WalletStatement(long balanceCents, List<Ledger.Entry> entries, int page, int size) {}
