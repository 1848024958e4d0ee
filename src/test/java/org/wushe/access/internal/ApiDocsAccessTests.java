package org.wushe.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/**
 * Issue 13 item 11: Swagger UI and {@code /v3/api-docs} are public only where configured. The test configuration
 * turns them on (other tests read the document), so the production default is checked here: the rule itself, and
 * the value {@code application.yml} and {@code application-demo.yml} give it.
 */
class ApiDocsAccessTests {

    static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void notPublicMeansSignedInStaffOnly() {
        var rule = SecurityConfiguration.apiDocs(false);
        var context = new RequestAuthorizationContext(new MockHttpServletRequest("GET", "/v3/api-docs"));
        assertThat(rule.authorize(() -> ANONYMOUS, context).isGranted()).isFalse();
        assertThat(rule.authorize(() -> null, context).isGranted()).isFalse();
        assertThat(rule.authorize(() -> Staff.as(Role.VOLUNTEER).in("310104").authentication(), context)
                        .isGranted())
                .isTrue();
        assertThat(SecurityConfiguration.apiDocs(true)
                        .authorize(() -> ANONYMOUS, context)
                        .isGranted())
                .isTrue();
    }

    @Test
    void offByDefaultOnInDemoMode() throws IOException {
        assertThat(setting("application.yml")).as("production default").isEqualTo("false");
        assertThat(setting("application-demo.yml")).as("demo").isEqualTo("true");
    }

    /** The setting as that file resolves it with no environment variable set. */
    private static String setting(String file) throws IOException {
        List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        var sources = new MutablePropertySources();
        loaded.forEach(sources::addLast);
        var resolver = new PropertySourcesPropertyResolver(sources);
        return resolver.resolvePlaceholders(
                String.valueOf(resolver.getProperty("wushe.api-docs.public", String.class)));
    }
}
