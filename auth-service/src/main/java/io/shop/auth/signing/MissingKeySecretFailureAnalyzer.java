package io.shop.auth.signing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing secret into Boot's short "APPLICATION FAILED TO START" report. */
class MissingKeySecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeySecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingKeySecretException cause) {
        return new FailureAnalysis(
                cause.getMessage() + "; auth-service seals its private signing keys with it and will not start"
                        + " without it.",
                "Set AUTH_KEY_SECRET to a random value of at least " + KeyCipher.MIN_SECRET_LENGTH
                        + " characters (e.g. `openssl rand -base64 48`) and keep the same value across restarts:"
                        + " the stored keys open only with the secret they were sealed under.",
                cause);
    }
}
