package org.wushe.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.RegionCode;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Value types travel in JSON as their plain text ({@code "310104"}): in the API, and in the event publication
 * registry, which must read every stored event back to republish it after a restart.
 */
@Configuration(proxyBeanMethods = false)
class ValueTypeJson {

    @Bean
    JacksonModule wusheValueTypes() {
        return new SimpleModule("wushe-value-types")
                .addSerializer(RegionCode.class, ToStringSerializer.instance)
                .addDeserializer(RegionCode.class, new ValueDeserializer<RegionCode>() {
                    @Override
                    public RegionCode deserialize(JsonParser parser, DeserializationContext context) {
                        return RegionCode.parse(parser.getValueAsString());
                    }
                });
    }
}
