package io.shop.support.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import org.junit.jupiter.api.Test;

class RuleDocumentTest {

    @Test
    void aMissingOrEmptyDocumentMeansNoRules() {
        RuleDocument document = new RuleDocument("order-service-degrade-rules", RuleKind.DEGRADE);

        assertThat(document.convert(null)).isEmpty();
        assertThat(document.convert("  ")).isEmpty();
    }

    @Test
    void eachKindReadsItsOwnRuleType() {
        assertThat(new RuleDocument("d", RuleKind.DEGRADE)
                        .convert("[{\"resource\":\"io.shop.api.user.UserService\",\"grade\":2,\"count\":3,"
                                + "\"timeWindow\":5,\"comment\":\"unknown fields are ignored\"}]"))
                .singleElement()
                .isInstanceOfSatisfying(DegradeRule.class, rule -> assertThat(rule.getTimeWindow())
                        .isEqualTo(5));
        assertThat(new RuleDocument("p", RuleKind.PARAM_FLOW)
                        .convert("[{\"resource\":\"r\",\"paramIdx\":0,\"count\":1}]"))
                .singleElement()
                .isInstanceOf(ParamFlowRule.class);
    }

    @Test
    void aDocumentThatIsNoListOfRulesIsRefused() {
        RuleDocument document = new RuleDocument("order-service-flow-rules", RuleKind.FLOW);

        assertThatThrownBy(() -> document.convert("{\"resource\": oops")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> document.convert("{\"resource\":\"not a list\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
