package io.shop.support;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read with {@link StrictJson}. Only the MVC converter gets the strict mapper:
 * the application's {@code ObjectMapper} also reads the service's own JSON back (events from the
 * broker, cached pages, JSON columns), which is not client input, and Dubbo does not use Jackson.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // exactly Boot's converter: a subclass someone registered on purpose is left as it is
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? strict((MappingJackson2HttpMessageConverter) converter)
                : converter);
    }

    private static MappingJackson2HttpMessageConverter strict(MappingJackson2HttpMessageConverter lenient) {
        var strict = new MappingJackson2HttpMessageConverter(StrictJson.of(lenient.getObjectMapper()));
        strict.setSupportedMediaTypes(lenient.getSupportedMediaTypes());
        return strict;
    }
}
