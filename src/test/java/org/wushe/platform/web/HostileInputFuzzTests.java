package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the application's own OpenAPI document and sends hostile values to every list, read-by-id and write endpoint
 * in it — as
 * a civil-affairs administrator of the whole city, and anonymously to the public ones: NUL, 100,000 characters,
 * integer overflow, negative numbers, numbers too big for a long, unknown enum names, {@code %}, SQL, broken
 * surrogates, wrong JSON types, empty and malformed bodies. No answer may be a 5xx, and a write answered 4xx must not
 * have stored anything (rows of the main tables counted around each endpoint's batch). A value that only the
 * database refused (ErrorHandling's SQLSTATE 22 safety net: a 400, but validation is missing) fails it too, and so
 * does an operation to which nothing was sent or whose every answer was 401/403. Values are sampled per
 * parameter type so the run stays well under a minute.
 */
@WusheIntegrationTest
class HostileInputFuzzTests {

    static final Staff CIVIL = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310000").named("fuzz-civil");

    /** The tables an accepted write would add to; a refused one must leave them as they were. */
    static final List<String> TABLES = List.of(
            "residents_resident",
            "residents_household",
            "residents_assessment",
            "residents_visit",
            "residents_case",
            "residents_case_note",
            "residents_campaign",
            "residents_verification_task",
            "directory_organisation",
            "directory_social_worker",
            "directory_volunteer",
            "access_account",
            "access_api_client",
            "requests_help_request",
            "requests_referral",
            "requests_follow_up",
            "region_control_level",
            "residents_checkin_enrolment");

    static final String NUL = "\"王\\u0000明\"";
    static final String LONG = "\"" + "长".repeat(100_000) + "\"";
    static final String SURROGATE = "\"王\\ud800明\"";
    static final String[] STRINGS = {
        LONG,
        SURROGATE,
        "\"%\"",
        "\"'; drop table residents_resident; --\"",
        "\"BOGUS\"",
        "\"\\u200b\\u200d\"",
        "\"\\u202e明王\"",
        "2147483647",
        "[]"
    };
    static final String[] INTEGERS = {"2147483647", "-1", "99999999999999999999", "\"BOGUS\"", "{}", NUL};
    static final String[] BOOLEANS = {"\"BOGUS\"", "{}"};
    static final String[] ARRAYS = {"{}", "[" + NUL + "]", "[{}]", "\"BOGUS\""};
    static final String[] OBJECTS = {"\"x\"", "{\"x\":{}}", "[]"};
    static final String[] BODIES = {"", "{", "[]", "{\"x\":{}}"};
    static final String[] RAW_BODIES = {
        "",
        "code,name\n310104003999,王\u0000明\n",
        "code,name\n3101040039991,\u202e明王\n",
        "code,name\n%,'; drop table region_region; --\n"
    };

    static final String[] QUERY_STRINGS = {
        "x".repeat(100_000),
        "%25",
        "'%3B%20drop%20table%20residents_resident%3B%20--",
        "%ED%A0%80",
        "BOGUS",
        "%E2%80%AE"
    };
    static final String[] QUERY_INTEGERS = {"2147483647", "-1", "99999999999999999999", "BOGUS", "%00"};
    static final String[] PATH_INTEGERS = {"2147483647", "99999999999999999999", "BOGUS"};
    static final String[] PATH_STRINGS = {"%00", "'%3B%20drop%20table%20x", "%25"};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    final JsonMapper json = JsonMapper.builder().build();
    final List<String> failures = new ArrayList<>();
    int sent;
    int twoHundreds;
    int unauthorised;

    @Test
    void noHostileValueGetsA5xxAndNothingRefusedIsStored() throws Exception {
        ResidentTestData.communities(regions);
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(CIVIL.request()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode schemas = doc.path("components").path("schemas");
        // ErrorHandling's safety net turns a value PostgreSQL refused (SQLSTATE 22) into a 400: that passes the
        // status check, but it means validation is missing, so here each such warning is a failure too
        ch.qos.logback.classic.Logger errorLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ErrorHandling.class);
        var refusedByDatabase = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        refusedByDatabase.start();
        errorLog.addAppender(refusedByDatabase);
        long started = System.nanoTime();
        int operations = 0;
        try {
            Iterator<Map.Entry<String, JsonNode>> paths =
                    doc.path("paths").properties().iterator();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().contains("/test-probe/")) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                    boolean write = method != HttpMethod.GET;
                    JsonNode bodyContent = op.getValue().path("requestBody").path("content");
                    // reads by id too: a hostile path value must be a 400 or 404 there as well
                    boolean list = method == HttpMethod.GET
                            && (hasQuery(op.getValue()) || path.getKey().contains("{"));
                    if (!write && !list) {
                        continue;
                    }
                    operations++;
                    Map<String, Long> before = write ? counts() : Map.of();
                    int okBefore = twoHundreds;
                    int sentBefore = sent;
                    int unauthorisedBefore = unauthorised;
                    fuzz(method, path.getKey(), op.getValue(), bodyContent, schemas);
                    if (sent == sentBefore) {
                        failures.add(method + " " + path.getKey() + ": no request sent, nothing fuzzed");
                    } else if (unauthorised - unauthorisedBefore == sent - sentBefore) {
                        failures.add(method + " " + path.getKey()
                                + ": every request answered 401/403, no hostile value got past authorisation");
                    }
                    if (write) {
                        Map<String, Long> after = counts();
                        int accepted = twoHundreds - okBefore;
                        for (String table : TABLES) {
                            long added = after.get(table) - before.get(table);
                            if (added > accepted) {
                                failures.add(method + " " + path.getKey() + ": " + added + " row(s) added to " + table
                                        + " with " + accepted + " request(s) accepted");
                            }
                        }
                    }
                }
            }
        } finally {
            errorLog.detachAppender(refusedByDatabase);
        }
        refusedByDatabase.list.stream()
                .map(e -> e.getFormattedMessage())
                .filter(m -> m.contains("the database refused an input value"))
                .forEach(failures::add);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "hostile-input fuzz: %d operations, %d requests, %d accepted, %d ms%n",
                operations, sent, twoHundreds, millis);
        assertThat(operations).as("operations fuzzed").isGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    private void fuzz(HttpMethod method, String template, JsonNode op, JsonNode content, JsonNode schemas) {
        List<Param> params = params(op, schemas);
        boolean anonymous = isPublic(method, template);
        // path parameters, one at a time, the others at a harmless value that exists nowhere
        for (Param p : params) {
            if (p.in.equals("path")) {
                for (String v : p.integer() ? PATH_INTEGERS : PATH_STRINGS) {
                    send(
                            method,
                            template,
                            params,
                            p.name,
                            v,
                            null,
                            anonymous,
                            content.has("application/json") ? "{}" : null);
                }
            }
        }
        // query parameters: every one with the values of its type (sampled for strings)
        int i = 0;
        for (Param p : params) {
            if (!p.in.equals("query")) {
                continue;
            }
            String[] values = p.integer()
                    ? QUERY_INTEGERS
                    : p.type.equals("boolean")
                            ? new String[] {"BOGUS"}
                            : concat("%00", "%01", sample(QUERY_STRINGS, i++, 2));
            for (String v : values) {
                send(method, template, params, null, null, Map.of(p.name, v), anonymous, null);
            }
        }
        // the overflow of the classic pager
        if (params.stream().anyMatch(p -> p.name.equals("page"))
                && params.stream().anyMatch(p -> p.name.equals("size"))) {
            send(method, template, params, null, null, Map.of("page", "2147483647", "size", "100"), anonymous, null);
        }
        if (!content.has("application/json")) {
            if (!content.isEmpty()) {
                // a body of another kind (a multipart upload): sent without one, it must be refused as such
                send(method, template, params, null, null, null, anonymous, null);
            } else if (method != HttpMethod.GET && params.isEmpty()) {
                // a write that reads its body as a raw stream (the community csv): hostile csv
                for (String csv : RAW_BODIES) {
                    send(method, template, params, null, null, null, anonymous, MediaType.valueOf("text/csv"), csv);
                }
            }
            return;
        }
        JsonNode schema = resolve(content.path("application/json").path("schema"), schemas);
        for (String body : BODIES) {
            send(method, template, params, null, null, null, anonymous, body);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(f -> fields.put(f.getKey(), resolve(f.getValue(), schemas)));
        if (fields.isEmpty()) {
            // a Map body: the fields its controller reads are not in the document; try the usual ones
            for (String name : List.of("reason", "note", "address", "household", "duplicate", "field")) {
                send(method, template, params, null, null, null, anonymous, "{\"" + name + "\":" + NUL + "}");
            }
            for (String v : sample(STRINGS, i++, 2)) {
                send(method, template, params, null, null, null, anonymous, "{\"reason\":" + v + "}");
            }
            return;
        }
        String schemaName =
                content.path("application/json").path("schema").path("$ref").asString("");
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String type = field.getValue().path("type").asString("object");
            String[] values = switch (type) {
                case "string" -> concat(NUL, "{}", sample(STRINGS, i++, 2));
                case "integer", "number" -> INTEGERS;
                case "boolean" -> BOOLEANS;
                case "array" -> ARRAYS;
                default -> OBJECTS;
            };
            for (String v : values) {
                send(
                        method,
                        template,
                        params,
                        null,
                        null,
                        null,
                        anonymous,
                        body(schemaName, fields, field.getKey(), v));
            }
        }
    }

    /**
     * The body with {@code field} set to the raw JSON {@code hostile} and every other field valid where we know how to
     * make it valid (so that the hostile value reaches the database), plausible otherwise.
     */
    private static String body(String schemaRef, Map<String, JsonNode> fields, String field, String hostile) {
        Map<String, Supplier<String>> known = new LinkedHashMap<>();
        String n = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        switch (schemaRef.substring(schemaRef.lastIndexOf('/') + 1)) {
            case "ResidentDraft" -> {
                known.put("name", () -> "\"模糊" + n + "\"");
                known.put("idNumber", () -> "\"" + ResidentTestData.idNumber() + "\"");
                known.put("communityCode", () -> "\"" + ResidentTestData.A + "\"");
                known.put("lawfulBasis", () -> "\"STATUTORY_DUTY\"");
                known.put("registeredAddress", () -> "\"天平路1号\"");
            }
            case "OrganisationDraft" -> {
                known.put("type", () -> "\"AGENCY\"");
                known.put("name", () -> "\"模糊机构" + n + "\"");
                known.put("creditCode", () -> "\"" + creditCode() + "\"");
                known.put("regionCode", () -> "\"310104\"");
                known.put("address", () -> "\"天平路1号\"");
            }
            case "SocialWorkerDraft" -> {
                known.put("name", () -> "\"模糊社工" + n + "\"");
                known.put("idNumber", () -> "\"" + ResidentTestData.idNumber() + "\"");
                known.put("regionCode", () -> "\"310104\"");
            }
            case "CampaignDraft" -> {
                known.put("name", () -> "\"模糊核查" + n + "\"");
                known.put("regionCode", () -> "\"310104\"");
                known.put("deadline", () -> "\"2099-12-31\"");
            }
            default -> {}
        }
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> f : fields.entrySet()) {
            Supplier<String> value = known.get(f.getKey());
            if (!known.isEmpty() && value == null && !f.getKey().equals(field)) {
                continue; // a valid body: the optional fields stay out rather than hold a value they would refuse
            }
            String raw = f.getKey().equals(field)
                    ? hostile
                    : value != null
                            ? value.get()
                            : switch (f.getValue().path("type").asString("object")) {
                                case "string" -> "\"x\"";
                                case "integer", "number" -> "1";
                                case "boolean" -> "false";
                                case "array" -> "[]";
                                default -> "{}";
                            };
            s.append(s.length() > 1 ? "," : "")
                    .append('"')
                    .append(f.getKey())
                    .append("\":")
                    .append(raw);
        }
        return s.append('}').toString();
    }

    private void send(
            HttpMethod method,
            String template,
            List<Param> params,
            String pathParam,
            String pathValue,
            Map<String, String> query,
            boolean anonymous,
            String body) {
        send(method, template, params, pathParam, pathValue, query, anonymous, MediaType.APPLICATION_JSON, body);
    }

    private void send(
            HttpMethod method,
            String template,
            List<Param> params,
            String pathParam,
            String pathValue,
            Map<String, String> query,
            boolean anonymous,
            MediaType type,
            String body) {
        StringBuilder uri = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            uri.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                uri.append(name.equals(pathParam) ? pathValue : harmless(name, params));
            } else {
                uri.append(segment);
            }
        }
        if (query != null) {
            String sep = "?";
            for (Map.Entry<String, String> q : query.entrySet()) {
                uri.append(sep).append(q.getKey()).append('=').append(q.getValue());
                sep = "&";
            }
        }
        MockHttpServletRequestBuilder request = request(method, URI.create(uri.toString()));
        if (!anonymous) {
            request.with(CIVIL.request());
        }
        if (body != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        sent++;
        String what = method + " " + abbreviate(uri.toString()) + (body == null ? "" : " " + abbreviate(body));
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() >= 500) {
                failures.add(what + " → " + response.getStatus() + " " + abbreviate(response.getContentAsString()));
            } else if (response.getStatus() < 300) {
                twoHundreds++;
            } else if (response.getStatus() == 401 || response.getStatus() == 403) {
                unauthorised++;
            }
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add(what + " → threw " + root);
        }
    }

    private static String harmless(String name, List<Param> params) {
        Param p = params.stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
        if (p != null && p.integer()) {
            return "2147483647";
        }
        return switch (name) {
            case "kind" -> "organisations";
            case "code" -> "110101";
            case "importId", "job", "id" -> UUID.randomUUID().toString();
            default -> "BOGUS";
        };
    }

    private static boolean isPublic(HttpMethod method, String path) {
        return path.startsWith("/api/v1/public/")
                || path.startsWith("/api/v1/volunteer-registrations")
                || path.startsWith("/api/v1/volunteer-activations")
                || path.startsWith("/api/v1/check-in/")
                || (method == HttpMethod.GET && path.startsWith("/api/v1/regions"));
    }

    private record Param(String name, String in, String type) {
        boolean integer() {
            return type.equals("integer") || type.equals("number");
        }
    }

    /** The operation's parameters; a query object (a record bound from the query) stands for its properties. */
    private static List<Param> params(JsonNode op, JsonNode schemas) {
        List<Param> out = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode schema = p.path("schema");
            String in = p.path("in").asString();
            if (schema.has("$ref") && in.equals("query")) {
                JsonNode resolved = resolve(schema, schemas);
                if (resolved.has("properties")) {
                    resolved.path("properties")
                            .properties()
                            .forEach(f -> out.add(new Param(
                                    f.getKey(),
                                    in,
                                    resolve(f.getValue(), schemas).path("type").asString("string"))));
                    continue;
                }
            }
            out.add(new Param(
                    p.path("name").asString(),
                    in,
                    resolve(schema, schemas).path("type").asString("string")));
        }
        return out;
    }

    private static boolean hasQuery(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asString().equals("query")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return out;
    }

    private static String[] sample(String[] values, int offset, int n) {
        String[] out = new String[Math.min(n, values.length)];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[(offset * n + k) % values.length];
        }
        return out;
    }

    private static String[] concat(String a, String b, String[] rest) {
        String[] out = new String[rest.length + 2];
        out[0] = a;
        out[1] = b;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    /** A valid GB 32100 code (registration authority 5, type 1) that no test has used. */
    private static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder s = new StringBuilder("51310104");
        for (int k = 0; k < 9; k++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += alphabet.indexOf(s.charAt(k)) * weights[k];
        }
        int c = 31 - sum % 31;
        return s.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
    }
}
