package io.shop.infra;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** A part that runs in a child JVM; the launcher starts these first so they boot in parallel. */
abstract class ChildJvmMiddleware implements Middleware {

    protected final ChildJvm jvm;
    protected final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ChildJvmMiddleware(ChildJvm jvm) {
        this.jvm = jvm;
    }

    @Override
    public final boolean separateJvm() {
        return true;
    }

    @Override
    public final void start() throws IOException {
        jvm.start();
    }

    @Override
    public final String logHint() {
        return jvm.log().toString();
    }

    @Override
    public final void stop() {
        jvm.stop();
    }
}
