package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.RegionCode;

/**
 * Which writes can an API client reach at all? Every POST/PUT/PATCH/DELETE mapping under /api/ is called with the
 * token of a client holding every {@link ApiPermission}. Each must be refused (403), be one of the public
 * endpoints that anybody may call (they behave as for an anonymous caller), or be in {@link #CLIENT_WRITES}, the
 * endpoints that check the client's scope themselves and have their own in-scope/out-of-scope tests. A new
 * endpoint an API client can reach fails here until it is added there, with its scope test.
 */
@WusheIntegrationTest
class ApiClientWriteSurfaceTests {

    /** Writes an API client may make, each with the test of its scope. */
    static final Map<String, String> CLIENT_WRITES =
            Map.of("POST /api/v1/help-requests/forwarded", "requests.ForwardedRequestScopeTests");

    /** Public writes (no sign-in): an API client gets exactly what an anonymous caller gets. */
    static final List<String> PUBLIC_PREFIXES = List.of(
            "/api/v1/public/", "/api/v1/volunteer-registrations", "/api/v1/volunteer-activations", "/api/v1/check-in/");

    /**
     * Reachable, but act only on the caller's own account or organisation, which an API client has not (its
     * account id is 0 and its scope names no organisation): they answer 404 and change nothing.
     */
    static final List<String> OWN_ONLY =
            List.of("POST /api/v1/inbox/{id}/read", "POST /api/v1/help-requests/referrals/{referralId}");

    /**
     * Bodies that get past the controller's own parsing to the façade (an empty object would be refused as
     * unreadable there, before any permission check, and prove nothing); the rest get {@code {}}.
     */
    static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/help-requests/{id}/follow-ups", "{\"reached\":true,\"satisfaction\":5,\"note\":\"x\"}",
            "POST /api/v1/help-requests/{id}/referrals", "{\"organisationId\":1,\"part\":\"x\"}",
            "POST /api/v1/help-requests/{id}/resolution", "{\"summary\":\"x\",\"serviceTypes\":[],\"personTimes\":1}",
            "POST /api/v1/residents/cases/{caseId}/stage", "{\"stage\":\"ASSESSMENT\"}",
            "POST /api/v1/residents/{id}/check-in", "{\"status\":\"WELL\"}",
            "POST /api/v1/residents/{id}/merge", "{\"duplicate\":2,\"reason\":\"x\"}",
            "POST /api/v1/residents/{id}/reveal", "{\"field\":\"PHONE\",\"reason\":\"x\"}",
            "POST /api/v1/social-workers", "{\"partyMember\":false}",
            "PUT /api/v1/social-workers/{id}", "{\"partyMember\":false}");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::([^}]*))?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiClients clients;

    @Test
    void everyWriteAnApiClientCanReachIsKnownAndScoped() throws Exception {
        String token = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> clients.create(
                        "surface-" + System.nanoTime() % 100_000,
                        DataScope.of(List.of(RegionCode.parse("310104"))),
                        EnumSet.allOf(ApiPermission.class)))
                .token();
        Map<String, Integer> reached = new TreeMap<>();
        int writes = 0;
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")
                        || pattern.startsWith("/api/v1/test-probe")
                        || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET
                            || method == RequestMethod.HEAD
                            || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    writes++;
                    String key = method + " " + pattern;
                    int status = call(
                            HttpMethod.valueOf(method.name()),
                            uri(pattern),
                            info.getConsumesCondition().getConsumableMediaTypes().stream()
                                    .findFirst()
                                    .orElse(MediaType.APPLICATION_JSON),
                            BODIES.getOrDefault(key, "{}"),
                            token);
                    if (status != 403) {
                        reached.put(key, status);
                    }
                }
            }
        }
        assertThat(writes).as("the sweep found the API's writes").isGreaterThan(40);
        Map<String, Integer> unexpected = new TreeMap<>(reached);
        CLIENT_WRITES.keySet().forEach(unexpected::remove);
        OWN_ONLY.forEach(k -> assertThat(reached.getOrDefault(k, 403)).as(k).isIn(403, 404));
        OWN_ONLY.forEach(unexpected::remove);
        assertThat(unexpected)
                .as("writes an API client reaches without a scope test")
                .isEmpty();
    }

    private int call(HttpMethod method, String uri, MediaType consumes, String json, String token) throws Exception {
        if (MediaType.MULTIPART_FORM_DATA.includes(consumes)) {
            return mvc.perform(MockMvcRequestBuilders.multipart(method, uri)
                            .file(new MockMultipartFile("file", "list.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                            .header("Authorization", "Bearer " + token))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri)
                .contentType(consumes)
                .content(consumes.includes(MediaType.APPLICATION_JSON) ? json : "a,b\n1,2\n");
        return mvc.perform(request.header("Authorization", "Bearer " + token).param("filename", "list.csv"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** The pattern with a plausible value for each variable (ids 1, a fresh UUID, a region, a kind of import). */
    private static String uri(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String regex = m.group(2);
            String value;
            if (regex != null && regex.contains("|")) {
                value = regex.replaceAll("[()]", "").split("\\|")[0];
            } else if (name.toLowerCase().contains("import") || name.equals("job")) {
                value = UUID.randomUUID().toString();
            } else if (name.equals("code")) {
                value = "310104";
            } else if (name.equals("priority")) {
                value = "P1";
            } else if (name.equals("token") || name.equals("trackingCode")) {
                value = "abcdefgh";
            } else {
                value = "1";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
