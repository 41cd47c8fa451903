package io.shop.infra;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Repeats a readiness probe until it answers, the time is up, or it fails for good. */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    /**
     * A probe either returns its answer or throws. A checked exception means "not yet" and the probe
     * is tried again; an unchecked one means it can never succeed and ends the wait at once.
     */
    @FunctionalInterface
    interface Probe<T> {
        T attempt() throws Exception;
    }

    private Polling() {}

    static <T> T until(Duration timeout, Probe<T> probe) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return probe.attempt();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(INTERVAL.toMillis());
        }
        throw new TimeoutException(
                "no answer within " + timeout.toSeconds() + " s" + (last == null ? "" : "; last error: " + last));
    }
}
