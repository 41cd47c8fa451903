package io.shop.infra;

import java.time.Duration;

/** One part of the shop's middleware that the launcher starts, waits for and stops. */
interface Middleware {

    /** The name used in {@code --only} and in the READY/FAILED lines. */
    String name();

    /** True when the part runs in a child JVM: those are started first, so they boot in parallel. */
    boolean separateJvm();

    /** Starts the part; for a child JVM this only launches the process. */
    void start() throws Exception;

    /**
     * Blocks until a real client round trip succeeds and returns where the part answers.
     *
     * @throws java.util.concurrent.TimeoutException when it does not answer in time
     * @throws IllegalStateException when it can no longer become ready (e.g. its JVM exited)
     */
    String awaitReady(Duration timeout) throws Exception;

    /** Where to look when the part fails: its log file, or this launcher's own output. */
    String logHint();

    /** Stops the part and waits until it is gone; never throws. */
    void stop();
}
