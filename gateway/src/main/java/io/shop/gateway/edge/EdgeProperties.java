package io.shop.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from a client before any route, token or service sees the request.
 *
 * @param maxRequestBody the largest request body; every storefront call is small JSON, so a larger
 *     one is refused with 413 instead of being streamed to a service
 */
@ConfigurationProperties("shop.gateway.edge")
record EdgeProperties(@DefaultValue("1MB") DataSize maxRequestBody) {}
