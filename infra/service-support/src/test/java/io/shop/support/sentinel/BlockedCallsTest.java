package io.shop.support.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowException;
import io.shop.api.CommonErrors;
import io.shop.api.ShopException;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

class BlockedCallsTest {

    @Test
    void anOpenCircuitIsUnavailableForTheBreakersWindow() {
        DegradeRule rule = new DegradeRule("io.shop.api.product.ProductService").setTimeWindow(7);

        ShopException failure = BlockedCalls.failureOf(new DegradeException("default", rule), "ProductService");

        assertThat(failure.kind()).isEqualTo(ShopException.Kind.UNAVAILABLE);
        assertThat(failure.code()).isEqualTo(CommonErrors.DEPENDENCY_UNAVAILABLE);
        assertThat(failure.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void flowAndHotParameterRefusalsAreTooManyRequests() {
        assertThat(BlockedCalls.failureOf(new FlowException("default"), "ProductService"))
                .extracting(ShopException::kind, ShopException::code)
                .containsExactly(ShopException.Kind.TOO_MANY_REQUESTS, CommonErrors.TOO_MANY_REQUESTS);
        assertThat(BlockedCalls.failureOf(new ParamFlowException("getSkus", "42"), "ProductService")
                        .kind())
                .isEqualTo(ShopException.Kind.TOO_MANY_REQUESTS);
    }

    @Test
    void businessRefusalsDoNotCountAgainstTheCallee() {
        assertThat(BlockedCalls.isFaultOfTheCallee(ShopException.notFound("SKU_NOT_FOUND", "no such SKU")))
                .isFalse();
        assertThat(BlockedCalls.isFaultOfTheCallee(ShopException.invalidArgument("skuIds")))
                .isFalse();
        assertThat(BlockedCalls.isFaultOfTheCallee(ShopException.conflict("OUT_OF_STOCK", "gone")))
                .isFalse();
    }

    @Test
    void overloadOutagesAndUnexpectedFailuresCount() {
        assertThat(BlockedCalls.isFaultOfTheCallee(
                        ShopException.tooManyRequests(CommonErrors.TOO_MANY_REQUESTS, "busy", 1)))
                .isTrue();
        assertThat(BlockedCalls.isFaultOfTheCallee(
                        ShopException.unavailable(CommonErrors.DEPENDENCY_UNAVAILABLE, "down", 1)))
                .isTrue();
        assertThat(BlockedCalls.isFaultOfTheCallee(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout")))
                .isTrue();
    }
}
