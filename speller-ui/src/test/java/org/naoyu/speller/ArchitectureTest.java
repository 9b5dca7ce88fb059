package org.naoyu.speller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of this module's packages (docs/ARCHITECTURE.md), checked on the compiled main classes: no package
 * cycle, the command line on top, the session below the web, shared pieces at the bottom.
 * {@code mvn -pl speller-ui test -Dtest=ArchitectureTest} shows any breach with the classes and lines involved.
 */
class ArchitectureTest {
    private static final String ROOT = "org.naoyu.speller";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageCycles() {
        // every package its own slice: org.naoyu.speller.cli.lsl and org.naoyu.speller.cli are different slices
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingImportsTheCommandTreeAtTheRoot() {
        noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(classes);
    }

    @Test
    void onlyTheCommandTreeImportsCommands() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".cli..").check(classes);
    }

    @Test
    void commandGroupsShareOnlyTheirOptions() {
        for (String group : new String[] {"recordings", "signal", "model", "language", "lsl", "session", "bench"}) {
            noClasses().that().resideInAPackage(ROOT + ".cli." + group).should().dependOnClassesThat()
                    .resideInAnyPackage(otherGroups(group)).check(classes);
        }
    }

    @Test
    void theSessionKnowsNothingOfItsViewersOrLaunchers() {
        noClasses().that().resideInAPackage(ROOT + ".session..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".launch..", ROOT + ".bench..", ROOT + ".report..")
                .check(classes);
    }

    @Test
    void supportIsTheBottom() {
        noClasses().that().resideInAPackage(ROOT + ".support..").should().dependOnClassesThat(
                JavaClass.Predicates.resideInAPackage(ROOT + "..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage(ROOT + ".support..")))
                .because("support is what every layer shares").check(classes);
    }

    private static String[] otherGroups(String group) {
        return java.util.stream.Stream.of("recordings", "signal", "model", "language", "lsl", "session", "bench")
                .filter(g -> !g.equals(group)).map(g -> ROOT + ".cli." + g).toArray(String[]::new);
    }
}
