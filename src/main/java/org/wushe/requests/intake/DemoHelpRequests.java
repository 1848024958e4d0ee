package org.wushe.requests.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.requests.Channel;

/**
 * Demo mode: a few help requests in the demo city (天平路街道 of 徐汇区, where the demo station and community
 * accounts work, and one in 黄浦区 that they must not see), recorded through the façade as hotline calls.
 * Idempotent: each has a fixed submission key, so a restart finds it instead of adding another.
 */
@Component
@Profile("demo")
@Order(40)
class DemoHelpRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHelpRequests.class);

    private record Demo(
            String category,
            String description,
            String region,
            String address,
            String phone,
            String urgency,
            Map<String, Boolean> answers,
            Channel channel) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo(
                    "DIALYSIS",
                    "父亲尿毒症，明早需要透析，小区封控出不去",
                    "310104003001",
                    "天平路88号2单元301室",
                    "13900010001",
                    "VERY_URGENT",
                    Map.of("dialysisDueWithin24h", true),
                    Channel.HOTLINE),
            new Demo(
                    "PRENATAL_CHECK",
                    "怀孕36周，需要去医院产检",
                    "310104003001",
                    "天平路90号1201室",
                    "13900010002",
                    "URGENT",
                    Map.of("labourSigns", false, "bleeding", false),
                    Channel.ONLINE_GROUP),
            new Demo(
                    "CHRONIC_MEDICINE",
                    "高血压药还剩两天，需要代配药",
                    "310104003",
                    "广元路12号3楼",
                    "13900010003",
                    "URGENT",
                    Map.of("medicineRunsOutIn3Days", true),
                    Channel.HOTLINE),
            new Demo(
                    "FOOD_SUPPLIES",
                    "独居老人家中缺米缺菜",
                    "310104003",
                    "宛平路15弄4号102室",
                    "13900010004",
                    "NORMAL",
                    Map.of("noFoodLeft", false),
                    Channel.WALK_IN),
            new Demo(
                    "PSYCHOLOGICAL",
                    "孩子长期居家情绪低落，家长很焦虑",
                    "310101002",
                    "南京东路100弄2号",
                    "13900010005",
                    "URGENT",
                    Map.of("selfHarmThoughts", false),
                    Channel.HOTLINE));

    private final HelpRequests requests;

    DemoHelpRequests(HelpRequests requests) {
        this.requests = requests;
    }

    @Override
    public void run(ApplicationArguments args) {
        var previous = SecurityContextHolder.getContext();
        var principal = new StaffPrincipal(-1, "demo", "demo", Set.of(Role.CIVIL_AFFAIRS_ADMIN), DataScope.country());
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(Role.CIVIL_AFFAIRS_ADMIN.authority())))));
        try {
            int created = 0;
            for (Demo d : DEMOS) {
                UUID key = UUID.nameUUIDFromBytes(("wushe-demo-request-" + d.phone()).getBytes(StandardCharsets.UTF_8));
                var s = requests.record(
                        new Intake(
                                d.category(),
                                d.description(),
                                "SELF",
                                d.region(),
                                d.address(),
                                d.phone(),
                                null,
                                d.urgency(),
                                d.answers(),
                                key.toString()),
                        d.channel());
                created += s.existing() ? 0 : 1;
            }
            log.info("Demo help requests: {} created, {} already there", created, DEMOS.size() - created);
        } catch (RuntimeException e) {
            log.warn("Demo help requests not loaded: {}", e.getMessage());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
