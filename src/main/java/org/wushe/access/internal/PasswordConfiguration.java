package org.wushe.access.internal;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are PBKDF2-HMAC-SM3 behind Spring's delegating encoder, so the scheme can change later. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${wushe.security.password-iterations:120000}") int iterations) {
        return new DelegatingPasswordEncoder(
                Pbkdf2Sm3PasswordEncoder.ID,
                Map.of(Pbkdf2Sm3PasswordEncoder.ID, new Pbkdf2Sm3PasswordEncoder(iterations)));
    }
}
