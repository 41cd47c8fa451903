package io.shop.testsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What a service's {@code LiveSettings} counted, as a dashboard reads it ({@code shop.settings.changes}). */
public final class SettingsChanges {

    /** Changes of the settings under {@code prefix} that were refused, in the service's own registry. */
    public static double refused(MeterRegistry meters, String prefix) {
        Counter refused = meters.find("shop.settings.changes")
                .tags("prefix", prefix, "outcome", "refused")
                .counter();
        return refused == null ? 0 : refused.count();
    }

    private SettingsChanges() {}
}
