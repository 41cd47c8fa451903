package io.shop.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Settings an operator changes while a service runs (the registry's config, see {@code
 * infra/config/<service>.yml}): the properties under a prefix bound to an immutable type, bound
 * again whenever the config under that prefix changes (Spring Cloud's {@link
 * EnvironmentChangeEvent}), without a restart. A change that does not bind, or that the type's
 * constructor refuses, is logged and the last good settings stay (all of them: the settings are
 * bound together); at start, it fails the start. Each change heard is counted as {@code
 * shop.settings.changes} with tags {@code prefix} and {@code outcome} ({@code applied} or {@code
 * refused}), so a dashboard shows a refused change. Declare it as a bean, so it hears the changes.
 */
public final class LiveSettings<T> implements Supplier<T>, ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    private final ConfigurableEnvironment environment;
    private final MeterRegistry meters;
    private final String prefix;
    private final Class<T> type;
    private volatile T current;

    public LiveSettings(ConfigurableEnvironment environment, MeterRegistry meters, String prefix, Class<T> type) {
        this.environment = environment;
        this.meters = meters;
        this.prefix = prefix;
        this.type = type;
        this.current = bind();
    }

    @Override
    public T get() {
        return current;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(prefix))) {
            return;
        }
        try {
            T changed = bind();
            if (!changed.equals(current)) {
                log.info("{} now {}", prefix, changed);
            }
            current = changed;
            count("applied");
        } catch (RuntimeException refused) {
            log.warn("refused a change of {}: {}; it stays {}", prefix, rootCause(refused), current);
            count("refused");
        }
    }

    private void count(String outcome) {
        meters.counter("shop.settings.changes", "prefix", prefix, "outcome", outcome)
                .increment();
    }

    private T bind() {
        return Binder.get(environment).bindOrCreate(prefix, Bindable.of(type));
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
