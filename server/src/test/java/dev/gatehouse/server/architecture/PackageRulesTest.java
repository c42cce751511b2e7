package dev.gatehouse.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.core.Store;
import dev.gatehouse.server.Services;

/**
 * The package rules of docs/architecture.md, on the compiled main classes of every module on this classpath
 * (policy, sigv4, core, store, server). Maven's module graph keeps the modules apart; these keep core's
 * features apart and the adapters on core's services.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = MainClassesOnly.class)
class PackageRulesTest {

    private static final DescribedPredicate<JavaClass> STORAGE = resideInAPackage("dev.gatehouse.core..")
            .and(simpleNameEndingWith("Repository").or(equivalentTo(Store.class)))
            .as("core's repositories or the Store");

    @ArchTest
    static final ArchRule coreImportsNoHttpSqlOrTemplates = noClasses()
            .that().resideInAPackage("dev.gatehouse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "java.sql..",
                    "javax.sql..", "org.jdbi..", "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..",
                    "gg.jte..", "com.nimbusds..", "java.net.http..")
            .because("core is the domain; HTTP, SQL and templates belong to the adapters");

    @ArchTest
    static final ArchRule adaptersNeverTouchARepository = noClasses()
            .that().resideInAPackage("dev.gatehouse.server..")
            .and().doNotBelongToAnyOf(Services.class)
            .should().dependOnClassesThat(STORAGE)
            .because("HTTP pages, APIs and admin commands go through core's services, which own the transactions;"
                    + " only the composition root opens the store");

    @ArchTest
    static final ArchRule coreFeaturesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.core.(*)..")
            .should().beFreeOfCycles()
            .because("a feature package that needs another's types names it one way only");

    @ArchTest
    static final ArchRule featuresDoNotReachTheAssembly = noClasses()
            .that().resideInAPackage("dev.gatehouse.core..").and().resideOutsideOfPackage("dev.gatehouse.core")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.core")
            .because("the root package assembles the features (Store, CoreServices); a feature depending on it"
                    + " would reach every other feature through it");

    @ArchTest
    static final ArchRule noLayerNamedPackagesInCore = noClasses()
            .should().resideInAnyPackage("dev.gatehouse.core.service..", "dev.gatehouse.core.model..",
                    "dev.gatehouse.core.port..")
            .because("core is packaged by feature: a concept's records, ports and services live together");

    @ArchTest
    static final ArchRule theLdapSdkStaysInItsConnector = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.server.idp.ldap..")
            .should().dependOnClassesThat().resideInAnyPackage("com.unboundid.ldap..", "com.unboundid.asn1..",
                    "com.unboundid.util.ssl..")
            .because("the LDAP connector implements core's LdapDirectory port; everything else speaks the port");
}
