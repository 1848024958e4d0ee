package org.wushe.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.shared.RegionCode;

/**
 * Demo mode: one account per role in the demo city (Shanghai, 黄浦区 and 徐汇区), all with the password
 * {@value #PASSWORD} and no forced change, so a new user can try every role. Never active outside the profile.
 */
@Component
@Profile("demo")
@Order(11)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Wushe@2022demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository accounts;
    private final AccountFactory factory;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, AccountFactory factory, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.factory = factory;
        this.passwords = passwords;
        this.clock = clock;
    }

    record Demo(String username, String name, Role role, List<String> regions, Long organisation) {}

    static final List<Demo> DEMO = List.of(
            new Demo("civil", "上海市民政局 王*", Role.CIVIL_AFFAIRS_ADMIN, List.of("310000"), null),
            new Demo("huangpu", "黄浦区民政局 李*", Role.CIVIL_AFFAIRS_ADMIN, List.of("310101"), null),
            new Demo("xuhui", "徐汇区民政局 张*", Role.CIVIL_AFFAIRS_ADMIN, List.of("310104"), null),
            new Demo("association", "市社工协会 陈*", Role.ASSOCIATION_ADMIN, List.of("310000"), null),
            new Demo("agency", "徐汇社工机构 刘*", Role.AGENCY_ADMIN, List.of("310104"), 1L),
            new Demo("station", "天平路街道社工站 赵*", Role.STATION_STAFF, List.of("310104003"), null),
            new Demo("community", "上海新村居委会 孙*", Role.COMMUNITY_STAFF, List.of("310104003001"), null),
            new Demo("worker", "社工 周*", Role.SOCIAL_WORKER, List.of("310104"), 1L),
            new Demo("volunteer", "志愿者 吴*", Role.VOLUNTEER, List.of("310104014"), null),
            new Demo("charity", "慈善基金会 郑*", Role.CHARITY_ADMIN, List.of("310000"), null),
            new Demo("auditor", "审计 冯*", Role.AUDITOR, List.of("310000"), null));

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Demo demo : DEMO) {
            if (accounts.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            DataScope scope =
                    DataScope.of(demo.regions().stream().map(RegionCode::parse).toList());
            Account account = factory.newAccount(
                    demo.username(),
                    demo.name(),
                    null,
                    Set.of(demo.role()),
                    demo.organisation() == null ? scope : scope.withOrganisation(demo.organisation()),
                    PASSWORD,
                    "demo");
            account.changePassword(passwords.encode(PASSWORD), clock.instant());
            accounts.save(account);
            created++;
        }
        log.info(
                "Demo: {} accounts ready ({}), password {}",
                created,
                DEMO.stream().map(Demo::username).toList(),
                PASSWORD);
    }
}
