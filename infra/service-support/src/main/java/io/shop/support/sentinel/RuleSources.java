package io.shop.support.sentinel;

import com.alibaba.csp.sentinel.datasource.AbstractDataSource;
import com.alibaba.csp.sentinel.slots.block.AbstractRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data sources that keep this service's Sentinel rules equal to its documents in the registry's
 * config, one per {@link RuleKind}, pushed on every change; closed with the application.
 */
final class RuleSources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleSources.class);

    private final List<AbstractDataSource<String, List<AbstractRule>>> sources = new ArrayList<>();

    /** Opens one source per kind: {@code open} makes it from the document's name and its reader. */
    RuleSources(String service, BiFunction<String, RuleDocument, AbstractDataSource<String, List<AbstractRule>>> open) {
        for (RuleKind kind : RuleKind.values()) {
            String name = kind.documentOf(service);
            AbstractDataSource<String, List<AbstractRule>> source = open.apply(name, new RuleDocument(name, kind));
            kind.register(source.getProperty());
            sources.add(source);
        }
    }

    @Override
    public void close() {
        for (AbstractDataSource<String, List<AbstractRule>> source : sources) {
            try {
                source.close();
            } catch (Exception e) {
                log.debug("closing a Sentinel rule source: {}", e.toString());
            }
        }
    }
}
