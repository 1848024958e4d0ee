package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.wushe.access.internal.RoleGroupGuard;

/** Role groups are the one definition of who may do what; guards must name real groups and not bypass them. */
class RoleGroupsTests {

    private static final Pattern GROUP = Pattern.compile("@roleGroups\\.includesCaller\\('([A-Z_]+)'\\)");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wushe");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyGuardConstantNamesItsOwnGroup() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : RoleGroup.Guard.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers())) {
                String expression = (String) field.get(null);
                Matcher m = GROUP.matcher(expression);
                assertThat(m.matches()).as(expression).isTrue();
                assertThat(m.group(1)).isEqualTo(field.getName());
                names.add(field.getName());
            }
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        Arrays.stream(RoleGroup.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void methodGuardsNameExistingGroupsAndListNoRolesOfTheirOwn() {
        List<String> guards = new ArrayList<>();
        for (var type : PRODUCTION) {
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(PreAuthorize.class)
                        .ifPresent(a -> guards.add(type.getSimpleName() + "." + method.getName() + ": " + a.value()));
            }
        }
        assertThat(guards).hasSizeGreaterThan(100);
        for (String guard : guards) {
            Matcher m = GROUP.matcher(guard);
            while (m.find()) {
                assertThat(RoleGroup.valueOf(m.group(1))).as(guard).isNotNull();
            }
            // A list of roles written out in a guard is a group defined twice; one role alone is not a group.
            assertThat(guard).as(guard).doesNotContain("hasAnyRole");
            assertThat(guard.split("hasRole\\(", -1)).as(guard).hasSizeLessThanOrEqualTo(2);
            // a group's name the bean cannot read would fail only when the method is called
            assertThat(guard.replaceAll(GROUP.pattern(), "")).as(guard).doesNotContain("roleGroups");
        }
    }

    @Test
    void theGuardBeanReadsTheCallersRoleAuthorities() {
        RoleGroupGuard guard = new RoleGroupGuard();
        assertThat(guard.includesCaller("HELP_REQUEST_STAFF")).isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("s", "p", "ROLE_STATION_STAFF"));
        assertThat(guard.includesCaller("HELP_REQUEST_STAFF")).isTrue();
        assertThat(guard.includesCaller("CAMPAIGN_ORGANISERS")).isTrue();
        assertThat(guard.includesCaller("TRIAGE_EDITORS")).isFalse();
        assertThat(guard.includesCaller("ACCOUNT_MANAGERS")).isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("a", "p", "ROLE_AUDITOR", "PERM_HELP_REQUESTS_READ"));
        assertThat(guard.includesCaller("RESIDENT_READERS")).isTrue();
        assertThat(guard.includesCaller("RESIDENT_WRITERS")).isFalse();
        assertThat(guard.includesCaller("HELP_REQUEST_STAFF")).isFalse();
    }

    @Test
    void aPrincipalIsInAGroupWhenAnyOfItsRolesIs() {
        var worker = new StaffPrincipal(1, "w", "W", Set.of(Role.SOCIAL_WORKER), DataScope.country());
        assertThat(worker.in(RoleGroup.RESIDENT_WRITERS)).isTrue();
        assertThat(worker.in(RoleGroup.HELP_REQUEST_STAFF)).isFalse();
        assertThat(worker.in(RoleGroup.CASE_WORKERS)).isTrue();
        assertThat(RoleGroup.DIRECTORY_READERS.authorities())
                .contains("ROLE_AUDITOR")
                .hasSize(8);
    }
}
