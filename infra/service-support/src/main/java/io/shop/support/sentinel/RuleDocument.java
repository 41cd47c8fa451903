package io.shop.support.sentinel;

import com.alibaba.csp.sentinel.datasource.Converter;
import com.alibaba.csp.sentinel.slots.block.AbstractRule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one rules document: no document (or an empty one) means no rules of its kind. A document
 * that is not a JSON list of such rules is refused with a log line, and the data source keeps the
 * rules in force (Sentinel's data sources update the rules only from a value that converted).
 */
final class RuleDocument implements Converter<String, List<AbstractRule>> {

    private static final Logger log = LoggerFactory.getLogger(RuleDocument.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String name;
    private final JavaType type;

    RuleDocument(String name, RuleKind kind) {
        this.name = name;
        this.type = JSON.getTypeFactory().constructCollectionType(List.class, kind.type());
    }

    @Override
    public List<AbstractRule> convert(String source) {
        if (source == null || source.isBlank()) {
            return List.of();
        }
        try {
            List<AbstractRule> rules = JSON.readValue(source, type);
            log.info("Sentinel rules {}: {} in force", name, rules.size());
            return rules;
        } catch (IOException e) {
            log.warn("Sentinel rules {} refused, the previous ones stay in force: {}", name, e.getMessage());
            throw new IllegalArgumentException("unreadable rules document " + name, e);
        }
    }
}
