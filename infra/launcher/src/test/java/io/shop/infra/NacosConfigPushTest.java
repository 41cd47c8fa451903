package io.shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NacosConfigPushTest {

    @TempDir
    Path folder;

    @Test
    void eachServiceFileIsOneYamlDataIdAndEachRulesFileAJsonOne() throws Exception {
        Files.writeString(folder.resolve("order-service.yml"), "shop.order.switches:\n  checkout-open: true\n");
        Files.writeString(folder.resolve("notes.txt"), "not configuration");
        Files.createDirectory(folder.resolve("sentinel"));
        Files.writeString(folder.resolve("sentinel/gateway-flow-rules.json"), "[]");
        Files.writeString(folder.resolve("sentinel/order-service-degrade-rules.json"), "[{}]");

        Map<NacosConfigPush.DataId, String> configs = NacosConfigPush.configsOf(folder);

        assertThat(configs)
                .containsOnly(
                        Map.entry(
                                new NacosConfigPush.DataId("order-service.yml", "SHOP_CONFIG", "yaml"),
                                "shop.order.switches:\n  checkout-open: true\n"),
                        Map.entry(new NacosConfigPush.DataId("gateway-flow-rules", "SHOP_SENTINEL", "json"), "[]"),
                        Map.entry(
                                new NacosConfigPush.DataId("order-service-degrade-rules", "SHOP_SENTINEL", "json"),
                                "[{}]"));
    }
}
