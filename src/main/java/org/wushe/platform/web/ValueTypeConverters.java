package org.wushe.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.wushe.shared.RegionCode;

/**
 * Lets controllers take value types as parameters; a malformed value fails conversion with the type's
 * own {@link org.wushe.shared.InvalidValueException}, which {@link ErrorHandling} answers with a 400.
 */
@Configuration(proxyBeanMethods = false)
class ValueTypeConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, RegionCode.class, RegionCode::parse);
    }
}
