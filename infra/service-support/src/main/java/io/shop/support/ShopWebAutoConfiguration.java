package io.shop.support;

import io.shop.support.identity.CallerWebConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Problem bodies and strict JSON request bodies for every servlet service of the shop. Registered before Web MVC's
 * auto-configuration so that Boot's own problem handler backs off instead of answering first.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, CallerWebConfiguration.class, StrictJsonWebConfiguration.class})
public class ShopWebAutoConfiguration {}
