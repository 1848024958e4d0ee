package org.wushe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inside the big modules (DESIGN.md §3, issue 14): feature slices depend on each other without cycles, reach other
 * slices only through their public types, and nothing of one module touches another module's {@code internal}
 * package. Modulith's {@code ModularityTests} checks the boundaries between modules; this checks within them.
 */
class SliceBoundariesTests {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wushe");

    @ParameterizedTest
    @ValueSource(strings = {"requests", "residents", "directory"})
    void slicesHaveNoCycles(String module) {
        slices().matching("org.wushe." + module + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(PRODUCTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests", "residents", "directory"})
    void aSliceUsesAnotherSlicesPublicTypesOnly(String module) {
        // javac refuses most of this already; the rule also catches what it allows (a package-private type named
        // in a public signature of the other slice) and states the rule where a reader of the tests looks
        List<String> slices = PRODUCTION.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.wushe." + module + "."))
                .map(p -> p.split("\\.")[3])
                .distinct()
                .toList();
        // a module with fewer than two slices (a renamed package, a wrong module name) would check nothing
        assertThat(slices).as(module + "'s slices").hasSizeGreaterThan(1);
        for (String slice : slices) {
            String own = "org.wushe." + module + "." + slice;
            noClasses()
                    .that()
                    .resideOutsideOfPackage(own + "..")
                    .should()
                    .dependOnClassesThat(DescribedPredicate.describe(
                            "non-public types of " + own,
                            c -> c.getPackageName().startsWith(own)
                                    && !c.getModifiers().contains(JavaModifier.PUBLIC)))
                    .allowEmptyShould(true)
                    .check(PRODUCTION);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "access",
                "audit",
                "directory",
                "notify",
                "platform",
                "privacy",
                "region",
                "requests",
                "residents"
            })
    void noOtherModuleImportsAnInternalPackage(String module) {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wushe." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.wushe." + module + "..internal..")
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }
}
