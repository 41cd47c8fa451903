package io.shop.order.flashsale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlashSaleSettings.class)
class FlashSaleConfiguration {}
