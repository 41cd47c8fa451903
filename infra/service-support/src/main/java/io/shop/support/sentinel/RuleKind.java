package io.shop.support.sentinel;

import com.alibaba.csp.sentinel.property.SentinelProperty;
import com.alibaba.csp.sentinel.slots.block.AbstractRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import java.util.List;

/**
 * The kinds of Sentinel rules a service takes from the registry's config, each in its own document
 * named {@code <service>-<suffix>} (a ZooKeeper node under {@code shop.sentinel.rules-root}, or a
 * Nacos data id of group {@code SHOP_SENTINEL}): a JSON list of the rule's fields.
 */
enum RuleKind {
    /** QPS or concurrency limits on a Dubbo interface or method, served or called. */
    FLOW("flow-rules", FlowRule.class) {
        @Override
        void register(SentinelProperty<List<AbstractRule>> rules) {
            FlowRuleManager.register2Property(cast(rules));
        }
    },
    /** Circuit breakers on calls this service makes: slow calls, error ratio or error count. */
    DEGRADE("degrade-rules", DegradeRule.class) {
        @Override
        void register(SentinelProperty<List<AbstractRule>> rules) {
            DegradeRuleManager.register2Property(cast(rules));
        }
    },
    /** Limits per argument value (a hot SKU, say) on a Dubbo method. */
    PARAM_FLOW("param-flow-rules", ParamFlowRule.class) {
        @Override
        void register(SentinelProperty<List<AbstractRule>> rules) {
            ParamFlowRuleManager.register2Property(cast(rules));
        }
    };

    private final String suffix;
    private final Class<? extends AbstractRule> type;

    RuleKind(String suffix, Class<? extends AbstractRule> type) {
        this.suffix = suffix;
        this.type = type;
    }

    /** The document's name for a service, e.g. {@code order-service-degrade-rules}. */
    String documentOf(String service) {
        return service + "-" + suffix;
    }

    Class<? extends AbstractRule> type() {
        return type;
    }

    /** Makes the rule manager of this kind follow the property. */
    abstract void register(SentinelProperty<List<AbstractRule>> rules);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> SentinelProperty<List<R>> cast(SentinelProperty<List<AbstractRule>> rules) {
        return (SentinelProperty) rules;
    }
}
