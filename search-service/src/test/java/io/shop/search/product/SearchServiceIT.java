package io.shop.search.product;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * search-service in-process against the running Elasticsearch and RocketMQ, on its private alias and
 * consumer group (application-it.yml), the catalog replaced by a {@link TestCatalog}. Every IT class
 * carrying it shares one application context, hence one consumer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestCatalog.Configuration.class)
@interface SearchServiceIT {}
